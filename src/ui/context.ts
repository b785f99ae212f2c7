// The request context every page renders with; defined by the platform, which builds it once per request.
export type { PageContext, Flash, NavItem, CountyLink } from '../platform/page-context.ts';
