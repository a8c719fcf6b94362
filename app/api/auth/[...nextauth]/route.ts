import { handlers } from '@/lib/auth/auth';
import { withAuthThrottle } from '@/lib/auth/route-throttle';

export const { GET } = handlers;
export const POST = withAuthThrottle(handlers.POST);
