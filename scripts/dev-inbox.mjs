#!/usr/bin/env node
// The development inbox: an SMTP server on loopback that keeps every message in memory, and a
// small web page listing them. `npm run dev` starts it when SMTP_URL is unset and points the app
// and the worker at it; tests start one per suite (startInbox({ smtpPort: 0, httpPort: 0 })) and
// read what really arrived over SMTP. It accepts any sender, recipient and login; never expose it.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const escapeHtml = (s) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // An SMTPServer wraps a net.Server (`.server`); the inbox page is a plain http.Server.
    server.listen(port, '127.0.0.1', () => resolve((server.server ?? server).address().port));
  });
}

function page(messages) {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.date.toISOString())}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Tenantry dev inbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd}</style>
</head><body><h1>Dev inbox (${messages.length})</h1><p>Every email the app sent. <a href="/">Refresh</a></p>
<table><tr><th>When</th><th>To</th><th>Subject</th></tr>${rows}</table></body></html>`;
}

/**
 * Starts the SMTP server and the inbox page. Ports: 0 picks free ones.
 * @param {{ smtpPort?: number, httpPort?: number }} [options]
 */
export async function startInbox({ smtpPort = 1025, httpPort = 1080 } = {}) {
  const messages = [];
  const waiters = new Set();
  let sequence = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'dev' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          sequence += 1;
          const message = {
            id: String(sequence),
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            date: new Date(),
          };
          messages.push(message);
          for (const waiter of waiters) waiter();
          callback();
        })
        .catch(callback);
    },
  });
  const actualSmtpPort = await listen(smtp, smtpPort);

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://inbox');
    if (url.pathname === '/messages.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(messages));
    }
    const match = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (match) {
      const message = messages.find((m) => m.id === match[1]);
      if (!message) return res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(message.html || `<pre>${escapeHtml(message.text)}</pre>`);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(messages));
  });
  const actualHttpPort = await listen(web, httpPort);

  return {
    smtpUrl: `smtp://127.0.0.1:${actualSmtpPort}`,
    smtpPort: actualSmtpPort,
    httpUrl: `http://127.0.0.1:${actualHttpPort}`,
    messages: () => messages.slice(),
    clear: () => void messages.splice(0),
    /** Resolves with the first message matching `predicate`, waiting up to `timeoutMs`. */
    waitFor(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching email within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async stop() {
      await new Promise((resolve) => smtp.close(resolve));
      await new Promise((resolve) => web.close(resolve));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const inbox = await startInbox({
    smtpPort: Number(process.env.DEV_INBOX_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.DEV_INBOX_PORT ?? 1080),
  });
  console.log(`▶ dev inbox at ${inbox.httpUrl} (SMTP_URL=${inbox.smtpUrl})`);
  const stop = () => inbox.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
