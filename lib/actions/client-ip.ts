/** The client IP as the proxy in front of us reports it (first x-forwarded-for hop, else x-real-ip). */
export function clientIp(h: Headers): string | null {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || h.get('x-real-ip')?.trim() || null;
  return ip && ip.length <= 64 ? ip : null;
}
