/**
 * Gloss's own site rules (syntax in rules.ts and docs/overlay-rules.md).
 *
 * Deliberately small and site-scoped: the guard finds walls by their words and
 * shape on any site, and these lines only name containers the heuristics can
 * not be sure of on a given site. Every line names the site it is for; a rule
 * without a site would be a guess about every page on the web. The reader's
 * own rules (per site, from the panel) are added to these.
 */
export const BUILTIN_RULES = `
! EL PAÍS: the "your subscription is being used on another device" notice and its backdrop
! (markup as on the site, see seeds/README.md).
elpais.com##.ctn_freemium_device
elpais.com##.ctn_freemium_device_bg
! The New York Times: the metered gateway over the article.
nytimes.com###gateway-content
`;
