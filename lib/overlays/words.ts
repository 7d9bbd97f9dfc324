/**
 * Word lists that tell a subscription overlay from everything else.
 *
 * Matching runs on `normalizeText()` output (lower case, diacritics stripped,
 * whitespace collapsed), so one pattern covers "suscripción"/"suscripcion" and
 * "Gerät"/"gerat". Patterns are regex fragments wrapped in Unicode-aware word
 * boundaries; a trailing `\p{L}*` marks a stem (e.g. `suscri\p{L}*` covers
 * suscríbete, suscripción, suscriptor). Languages: en, es, fr, de, pt, it.
 * Pure data and pure functions: nothing here touches the DOM.
 */

/** What an overlay is about; drives its label in the panel. */
export type OverlayKind = 'shared-account' | 'newsletter' | 'metering' | 'subscription' | 'registration'
  /** No telling words, but the shape of a wall (see shape.ts). */
  | 'shape'
  /** Hidden because a site rule named it (see rules.ts) and its text names no wall. */
  | 'rule';

/** Lower-case, strip combining diacritics and collapse whitespace. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const L = '\\p{L}*';

/** Any character outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/** A word list compiled for matching: `test` as a RegExp's, on normalizeText() output. */
export interface WordPattern {
  test(text: string): boolean;
}

/**
 * Matches any fragment as a whole word (or stem), in any script. Two equivalent regexes, each
 * built on first use: an ASCII one for ASCII text (where \p{L} is [A-Za-z] and \p{N} is [0-9])
 * and the Unicode one for the rest. Why: V8 builds the tables of a \p{L} class when such a regex
 * is created and compiles it again on its first use, about a millisecond per word list on every
 * page load (a content script always runs cold), while most texts tested are plain ASCII.
 */
export function words(fragments: readonly string[]): WordPattern {
  const alternatives = fragments.join('|');
  let ascii: RegExp | undefined;
  let unicode: RegExp | undefined;
  return {
    test(text) {
      if (NON_ASCII.test(text)) {
        unicode ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'u');
        return unicode.test(text);
      }
      ascii ??= new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.replaceAll('\\p{L}', '[A-Za-z]')})(?![A-Za-z0-9])`);
      return ascii.test(text);
    },
  };
}

/**
 * "To keep reading…": walls say it, in-flow "read more" links rarely say it this way. Used as a
 * last-resort wall word in a layer, and by gate.ts to tell a truncated article.
 */
const CONTINUE = [
  '(?:to |and )?(?:continue|keep) reading', 'read the (?:full|rest|whole)', 'rest of (?:this|the) (?:article|story)',
  '(?:para |y )?(?:seguir|continuar) leyendo', 'sigue leyendo', 'lire la suite', '(?:poursuivre|continuer) (?:votre |la |a )?lecture',
  'um weiterzulesen', 'weiterlesen', 'ganzen artikel', '(?:para )?(?:continuar|continue) lendo',
  '(?:per )?continuare a leggere', 'continua a leggere',
];
const CONTINUE_RE = words(CONTINUE);

/** True when text says reading stops here ("Subscribe to continue reading"). */
export function saysContinueReading(text: string): boolean {
  return CONTINUE_RE.test(normalizeText(text));
}

/**
 * Ordered from most to least specific: a notice that says "your subscription is
 * being used on another device" is a shared-account notice even though it also
 * says "subscription"; "subscribe to our newsletter" is a newsletter sign-up.
 */
const KIND_PATTERNS: ReadonlyArray<readonly [OverlayKind, WordPattern]> = [
  // Shared-account notices ("Tu suscripción se está usando en otro dispositivo").
  ['shared-account', words([
    `(?:another|other|otro|outro|altro|autre|anderen|anderem|weiteren) (?:device|dispositivo|appareil|gerat)s?`,
    'too many devices', 'demasiados dispositivos', 'trop d.appareils', 'zu vielen geraten',
    // Account sharing named as such ("someone else is using your account").
    'someone else is using your account', 'account sharing', 'sharing (?:your|this) account', 'compart(?:ir|iendo) (?:tu |su )?cuenta',
    'partage (?:de|du) compte', `(?:konto|account)-?(?:teilung|sharing)`, 'condivisione (?:dell.)?account', 'compartilhamento de conta',
  ])],
  ['newsletter', words([
    'newsletters?', `boletin${L}`, `infolettre${L}`, "lettre d.information", 'lettre d.info',
    // Sign-ups that never say "newsletter": the promise of mail ("in your inbox", "daily briefing").
    '(?:in|to) your inbox', 'email (?:briefing|updates)', 'daily (?:email|briefing)', 'en tu (?:correo|bandeja de entrada)',
    'dans votre boite (?:mail|e-mail|de reception)', 'in ihr(?:em)? (?:e-mail-)?postfach', 'na sua caixa de entrada', 'nella tua (?:casella|inbox)',
  ])],
  // Metering: "You have 2 free articles left", "artículos gratis", "articles offerts".
  ['metering', words([
    'free (?:articles?|stor(?:y|ies)|reads?)', 'articles? (?:left|remaining)', 'article limit',
    'last free', 'reached (?:your|the) (?:free |monthly |weekly |article )?(?:limit|maximum)', 'monthly (?:article )?limit',
    'limite mensu[ae]l', 'limite mensile', 'monatliche[sn]? (?:artikel)?limit',
    `articulos? (?:gratis|gratuitos?)`, 'limite de articulos', `articles? (?:gratuits?|offerts?)`,
    'has (?:alcanzado|llegado a) (?:el|tu) limite', 'vous avez atteint', `dernier article gratuit`,
    `kostenlose${L} artikel`, 'freie artikel', `artigos? (?:gratis|gratuitos?)`, `(?:materias|reportagens) gratuitas`,
    'atingiu o limite', 'limite de (?:materias|reportagens|artigos)', 'articoli (?:gratis|gratuiti)', 'raggiunto il limite',
  ])],
  // Subscription walls. German "Abo" only as a whole word or known compound ("cabo" is Spanish).
  ['subscription', words([
    `subscri${L}`, `suscri${L}`, `abonn${L}`, `abbon${L}`, `assin(?:e|ar|atura|aturas|ante|antes)`,
    'abos?', `(?:digital|probe|jahres|monats|plus|online)-?abos?`,
    'unlimited (?:digital )?access', 'acceso ilimitado', 'acces illimite', 'acesso ilimitado',
    'accesso illimitato', `unbegrenzte${L} (?:zugang|zugriff)`,
    // Membership walls ("become a member", "hazte socio").
    'become a (?:member|subscriber)', 'members? only', 'hazte socio', 'devenez membre', 'diventa socio',
    'torne-se (?:membro|socio|assinante)', 'mitglied werden', 'reserve aux abonnes', 'exclusivo para (?:suscriptores|assinantes|socios)',
    'riservato agli abbonati', 'nur fur abonnenten', 'paywall',
    // Offers: a trial, full or unlimited reading.
    'free trial', 'start your (?:free )?trial', 'prueba gratis', 'essai gratuit', `(?:gratis|kostenlos|jetzt) test${L}`, 'prova gratuita',
    'teste gratis', 'full access', 'acceso completo', 'acces (?:complet|integral)', `voll${L} (?:zugang|zugriff)`, 'accesso completo',
    'acesso completo', 'read without limits', 'leer sin limites', 'lire sans limite', 'ohne limit lesen', 'leggi senza limiti', 'leia sem limites',
    'premium (?:content|article|story)', 'contenu premium', 'contenido premium', 'conteudo premium', 'contenuto premium',
    'already a (?:member|subscriber)',
    // Donation asks laid over the text are the same kind of nag.
    'support (?:our|independent|quality) journalism', 'make a (?:contribution|donation)', 'apoya (?:el|nuestro) periodismo',
    'soutenez (?:notre|le) journalisme', 'unterstutzen sie (?:unseren )?journalismus', 'sostieni (?:il )?(?:nostro )?giornalismo',
    'apoie o (?:nosso )?jornalismo',
  ])],
  // Registration / log-in walls. Plain "log in" is left out: every site header has it.
  ['registration', words([
    'sign[ -]?up', `regist${L}`, 'create (?:a |an |your )?(?:free )?account',
    '(?:log|sign) ?in to (?:continue|keep reading|read)', `inscri${L}`, `iscri${L}`, 'accedi per',
    `cadastr${L}`, 'crea (?:una |tu )?cuenta', 'inicia sesion para', 'creez (?:un |votre )?compte',
    'connectez-vous', 'konto erstellen', 'crie (?:sua |uma )?conta', 'faca login',
    'jetzt anmelden und weiterlesen',
  ])],
  // A notice that stops the reader ("to continue reading…") but names nothing else is still a wall.
  ['subscription', words(CONTINUE)],
];

/**
 * The wall a text names by its own words (subscription, registration,
 * metering, shared account), not counting newsletters and not counting a bare
 * "continue reading" (gate.ts needs the two apart).
 */
export function wallWordKind(text: string): OverlayKind | null {
  const t = normalizeText(text);
  if (!t) return null;
  for (const [kind, re] of KIND_PATTERNS.slice(0, -1)) if (re.test(t)) return kind === 'newsletter' ? null : kind;
  return null;
}

/** Classify already-visible overlay text; null when it names no wall we hide. */
export function classifyOverlayText(text: string): OverlayKind | null {
  const t = normalizeText(text);
  if (!t) return null;
  for (const [kind, re] of KIND_PATTERNS) if (re.test(t)) return kind;
  return null;
}

/**
 * Consent words. Strong words mark a consent dialog on their own. Privacy words
 * are weak: newsletter and subscribe boxes routinely link their "privacy
 * policy", so privacy alone only marks consent when no wall word is present.
 * Pay-or-consent walls ("subscribe or accept cookies") contain strong words and
 * are therefore left alone, which is the safe side of the line.
 */
const CONSENT_STRONG = words([
  'cookies?', `consent${L}`, 'consentimiento', 'consentimento', 'consenso', `einwilligung${L}`,
  'gdpr', 'rgpd', 'dsgvo', 'lgpd', 'tcf',
  // IAB TCF wording and consent buttons, in case "cookie" never appears.
  'accept all', 'reject all', '(?:and|et|y|e|und) (?:our|nos|nuestros|nossos|i nostri|unsere) (?:partners?|partenaires|socios|parceiros)',
  'our partners', 'legitimate interest', 'personali[sz]ed (?:ads|advertising)', 'store and(?:/or)? access information',
  'manage (?:options|preferences|choices|settings)', 'aceptar todo', 'rechazar todo', 'interes legitimo', 'tout accepter',
  'tout refuser', 'nos partenaires', 'interet legitime', 'alle akzeptieren', 'alle ablehnen', 'berechtigtes interesse',
  'aceitar todos', 'rejeitar todos', 'nossos parceiros', 'legitimo interesse', 'accetta tutti', 'rifiuta tutti',
  'interesse legittimo',
]);
const CONSENT_WEAK = words([
  'privacy', 'privacidad', 'privacidade', 'confidentialite', 'vie privee', `datenschutz${L}`, 'riservatezza',
]);

/** True when the text reads like a cookie/consent dialog. */
export function isConsentText(text: string): boolean {
  const t = normalizeText(text);
  if (CONSENT_STRONG.test(t)) return true;
  return CONSENT_WEAK.test(t) && classifyOverlayText(t) === null;
}

/**
 * Known consent-management platforms, matched on id/class strings ("privacy"
 * is left out: newsletter boxes carry "privacy-link" classes). `cmp` only
 * counts as a token joined by `_` or alone, or as cmpbox/cmpwrapper: Adobe AEM
 * sites use `cmp-*` classes for every component, consent or not.
 */
const CONSENT_HINT = /onetrust|didomi|qc-cmp|sp_message|cookiebot|truste[-_]|trustarc|usercentrics|fc-consent|consent|cookie|gdpr|iubenda|osano|cmplz|quantcast|sourcepoint|axeptio|tarteaucitron|klaro|borlabs|termly|evidon|privacy-mgmt|privacy-manager|(?:^|[\s_/.])cmp(?:$|[\s_.]|box|wrapper)/;

/** True when an id/class/src string names a consent platform. */
export function hasConsentHint(hint: string): boolean {
  // Lower-cased here rather than an `i` flag: a long case-insensitive alternation costs V8 several
  // times more to compile on first use, on every page load.
  return CONSENT_HINT.test(hint.toLowerCase());
}

/** Chat and support widgets float over pages too; they are the reader's tools. */
export const CHAT_HINT = /chat|intercom|drift-|zendesk|zopim|crisp|tawk|olark|freshchat|hubspot-messages|messenger/i;

/** Media players (including floating picture-in-picture ones). */
export const PLAYER_HINT = /player|jwplayer|video-js|vjs-|brightcove|youtube/i;

/** Classify an iframe by its src/title/name/id (cross-origin text is unreadable). */
export function classifyIframeHint(hint: string): OverlayKind | null {
  if (/newsletter/i.test(hint)) return 'newsletter';
  if (/subscri|suscri|paywall|piano|tinypass|abonn|poool|zephr|pelcro/i.test(hint)) return 'subscription';
  if (/regwall|register|signup|sign-up/i.test(hint)) return 'registration';
  return null;
}

const LABELS: Record<OverlayKind, string> = {
  'shared-account': 'Shared-account notice',
  newsletter: 'Newsletter sign-up',
  metering: 'Article-limit notice',
  subscription: 'Subscription notice',
  registration: 'Registration prompt',
  shape: 'Overlay over the article',
  rule: 'Overlay (site rule)',
};

/** Panel label for an overlay kind (never page text). */
export function labelFor(kind: OverlayKind): string {
  return LABELS[kind];
}
