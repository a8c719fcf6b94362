-- One sign-in across tenant hosts (issue 10, finding 1). Neither table is tenant-owned: a session
-- belongs to a user, who may be a member of many tenants, so neither has "tenantId" or RLS (like
-- "Session" and "VerificationToken"). tenantry_app gets access through the default privileges of
-- 20261130120000_row_level_security.

-- A single-use, host-bound, 30-second ticket that carries a session to another host. Only the
-- SHA-256 of the token is stored; redeeming deletes the row, so a second use finds nothing.
CREATE TABLE "SessionHandoff" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "targetHost" TEXT NOT NULL,
    "fromHost" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionHandoff_pkey" PRIMARY KEY ("tokenHash")
);

CREATE INDEX "SessionHandoff_expiresAt_idx" ON "SessionHandoff"("expiresAt");

ALTER TABLE "SessionHandoff" ADD CONSTRAINT "SessionHandoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Session ids signed out: every host's copy of the session (handoffs copy the id) stops working.
-- Kept until the longest session could have expired.
CREATE TABLE "RevokedSession" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sessionId")
);

CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");
