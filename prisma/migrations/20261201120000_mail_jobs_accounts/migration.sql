-- Email, background jobs and verified accounts (docs/email-and-jobs.md).
--
-- JobOutbox is tenant-owned: a job row commits in the same transaction as the business row that
-- caused it, under the same RLS policy. PlatformJobOutbox holds jobs with no tenant (sign-up
-- verification, password reset). EmailDelivery is keyed by the event, so one event is one email.
-- AccountToken stores only the SHA-256 of single-use links (verify email, reset password).

ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "JobOutbox" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "key" TEXT NOT NULL,
    "relayedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JobOutbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "JobOutbox_tenantId_key_key" ON "JobOutbox"("tenantId", "key");
CREATE INDEX "JobOutbox_relayedAt_createdAt_idx" ON "JobOutbox"("relayedAt", "createdAt");
ALTER TABLE "JobOutbox" ADD CONSTRAINT "JobOutbox_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PlatformJobOutbox" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "key" TEXT NOT NULL,
    "relayedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlatformJobOutbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PlatformJobOutbox_key_key" ON "PlatformJobOutbox"("key");
CREATE INDEX "PlatformJobOutbox_relayedAt_createdAt_idx" ON "PlatformJobOutbox"("relayedAt", "createdAt");

CREATE TABLE "EmailDelivery" (
    "id" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "EmailDelivery_eventKey_key" ON "EmailDelivery"("eventKey");

CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- JobOutbox has a "tenantId": the same isolation policy as every other tenant-owned table.
SELECT tenantry_enable_rls();
