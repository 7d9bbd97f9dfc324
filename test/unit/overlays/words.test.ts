import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { classifyIframeHint, classifyOverlayText, hasConsentHint, isConsentText, labelFor, normalizeText, saysContinueReading, wallWordKind, words } from '../../../lib/overlays/words';

describe('classifyOverlayText', () => {
  test.each([
    // en
    ['Subscribe to continue reading', 'subscription'],
    ['Already a subscriber? Log in', 'subscription'],
    ['Get unlimited digital access', 'subscription'],
    ['Create a free account to keep reading', 'registration'],
    ['Log in to continue', 'registration'],
    ['Sign up for our newsletter', 'newsletter'],
    ['You have 2 free articles left this month', 'metering'],
    ['Your subscription is being used on another device', 'shared-account'],
    // es
    ['Suscríbete para seguir leyendo', 'subscription'],
    ['Tu suscripción se está usando en otro dispositivo', 'shared-account'],
    ['Regístrate gratis', 'registration'],
    ['Recibe nuestro boletín cada mañana', 'newsletter'],
    ['Te quedan 3 artículos gratis', 'metering'],
    // fr
    ['Abonnez-vous pour lire la suite', 'subscription'],
    ['Votre abonnement est utilisé sur un autre appareil', 'shared-account'],
    ['Inscrivez-vous gratuitement', 'registration'],
    ["Recevez l'infolettre", 'newsletter'],
    ['Il vous reste 2 articles gratuits', 'metering'],
    // de
    ['Jetzt abonnieren', 'subscription'],
    ['Weiterlesen mit Abo', 'subscription'],
    ['Mit dem Digital-Abo weiterlesen', 'subscription'],
    ['Ihr Abo wird auf einem anderen Gerät genutzt', 'shared-account'],
    ['Jetzt kostenlos registrieren', 'registration'],
    ['Noch 2 kostenlose Artikel', 'metering'],
    // pt
    ['Assine para continuar lendo', 'subscription'],
    ['Sua assinatura está sendo usada em outro dispositivo', 'shared-account'],
    ['Cadastre-se grátis', 'registration'],
    ['Você tem 2 artigos gratuitos', 'metering'],
    // it
    ['Abbonati per continuare a leggere', 'subscription'],
    ["L'abbonamento è in uso su un altro dispositivo", 'shared-account'],
    ['Registrati gratis', 'registration'],
    ['Iscriviti alla newsletter', 'newsletter'],
    ['Hai ancora 2 articoli gratuiti', 'metering'],
    // membership walls and bare "to keep reading" notices
    ['Hazte socio para seguir leyendo', 'subscription'],
    ['Become a member today', 'subscription'],
    ['Devenez membre', 'subscription'],
    ['Para seguir leyendo, entra', 'subscription'],
    ['Pour lire la suite', 'subscription'],
    // account sharing, mail promises, monthly limits, offers and donation asks
    ['Someone else is using your account', 'shared-account'],
    ['Account sharing is not allowed on this plan', 'shared-account'],
    ['Get the best of our journalism in your inbox', 'newsletter'],
    ['Recevez nos articles dans votre boîte mail', 'newsletter'],
    ['Jeden Morgen in Ihrem Postfach', 'newsletter'],
    ['You\u2019ve reached your monthly limit', 'metering'],
    ['Ha superado su límite mensual', 'metering'],
    ['Start your free trial', 'subscription'],
    ['Jetzt gratis testen', 'subscription'],
    ['Essai gratuit pendant un mois', 'subscription'],
    ['Leer sin límites', 'subscription'],
    ['Support independent journalism: make a contribution', 'subscription'],
    ['Sostieni il nostro giornalismo', 'subscription'],
    ['Um weiterzulesen', 'subscription'],
    ['Per continuare a leggere', 'subscription'],
    ['Para continuar lendo', 'subscription'],
    ["You've reached your limit", 'metering'],
    ['Você atingiu o limite de reportagens', 'metering'],
    ['Hai raggiunto il limite', 'metering'],
  ] as const)('%s → %s', (text, kind) => {
    expect(classifyOverlayText(text)).toBe(kind);
  });

  test.each([
    'Read more', 'Log in', 'Share this article', 'The mayor said on Tuesday', 'Inicia sesión', 'Accedi',
    'Ao cabo de três dias', // "cabo" is not "Abo"
    'Los abogados del caso', // a stem only matches at a word start
  ])('%s is not an overlay word', (text) => {
    expect(classifyOverlayText(text)).toBeNull();
  });

  test('normalizes accents, case and whitespace', () => {
    expect(normalizeText('  SUSCRÍBETE\n ahora ')).toBe('suscribete ahora');
  });

  test('labels never come from page text', () => {
    expect(labelFor('shared-account')).toBe('Shared-account notice');
    expect(labelFor('newsletter')).toBe('Newsletter sign-up');
  });
});

describe('consent exclusion', () => {
  test.each([
    'We use cookies to improve your experience',
    'Utilizamos cookies propias y de terceros',
    'Nous utilisons des cookies. Accepter',
    'Wir verwenden Cookies. Einwilligung',
    'Gestisci il consenso',
    'Your GDPR choices',
    'Lesen mit Abo oder mit Cookies und Werbung', // pay-or-consent walls are consent dialogs
    'We value your privacy',
    'Datenschutzeinstellungen',
    // IAB TCF wording without the word "cookie"
    'We and our partners store and/or access information on a device. Subscribe to our ad-free plan or Accept all',
    'Nous et nos partenaires… Tout accepter',
    'Wir und unsere Partner verarbeiten Daten. Alle akzeptieren',
    'Aceptar todo',
    'Accetta tutti',
    'Aceitar todos',
  ])('consent: %s', (text) => {
    expect(isConsentText(text)).toBe(true);
  });

  test('a newsletter box linking its privacy policy is not a consent dialog', () => {
    expect(isConsentText('Subscribe to our newsletter. See our privacy policy.')).toBe(false);
    expect(isConsentText('Subscribe to continue reading')).toBe(false);
  });

  test.each(['onetrust-banner-sdk', 'didomi-popup', 'qc-cmp2-container', 'sp_message_container_1', 'CybotCookiebotDialog', 'truste-consent-track', 'usercentrics-root', 'fc-consent-root', 'cmpbox', 'cmp_app'])('CMP hint %s', (hint) => {
    expect(hasConsentHint(hint)).toBe(true);
  });

  test('AEM cmp-* component classes are not consent hints', () => {
    expect(hasConsentHint('cmp-container cmp-teaser')).toBe(false);
    expect(hasConsentHint('paywall-modal')).toBe(false);
  });
});

describe('wallWordKind and saysContinueReading (gate prompts)', () => {
  test('wall words, not newsletters, not a bare "continue reading"', () => {
    expect(wallWordKind('Subscribe to continue reading')).toBe('subscription');
    expect(wallWordKind('Sign up for our newsletter')).toBeNull();
    expect(wallWordKind('Continue reading')).toBeNull();
    expect(saysContinueReading('Abonnez-vous pour lire la suite')).toBe(true);
    expect(saysContinueReading('Read more')).toBe(false);
  });
});

describe('classifyIframeHint', () => {
  test('paywall and newsletter iframes', () => {
    expect(classifyIframeHint('https://buy.tinypass.com/checkout/template Piano offer')).toBe('subscription');
    expect(classifyIframeHint('newsletter-signup')).toBe('newsletter');
    expect(classifyIframeHint('https://www.youtube.com/embed/x')).toBeNull();
  });
});

describe('words: the ASCII and Unicode regexes answer alike', () => {
  // Stems at the end and in the middle, an any-character dot, a class, an optional letter.
  const fragments = ['subscri\\p{L}*', 'free trial', 'unbegrenzte\\p{L}* (?:zugang|zugriff)', 'trop d.appareils', 'sign[ -]?up', 'abos?', 'gerat'];
  const reference = new RegExp(`(?<![\\p{L}\\p{N}])(?:${fragments.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const pattern = words(fragments);
  // Pieces that make near-misses likely: the words themselves, letters and digits on either side.
  const piece = fc.constantFrom(
    'subscri', 'be', 'ption', 'free', 'trial', 'unbegrenzte', 'm', 'zugang', 'zugriff', 'trop', 'd', "'", 'appareils',
    'sign', 'up', 'abo', 's', 'gerat', ' ', '-', '.', ',', '2', 'x', 'é', 'ß', '’', '—', 'я', '٣', '東', '😀',
  );

  test('on texts built from the fragments and their neighbours', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(pattern.test(text), text).toBe(reference.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('stems and boundaries, in ASCII and not', () => {
    expect(pattern.test('subscribe now')).toBe(true);
    expect(pattern.test('subscribers2')).toBe(false); // a stem ends at a non-letter, not at a digit
    expect(pattern.test('unbegrenztem zugang')).toBe(true);
    expect(pattern.test('cabos')).toBe(false);
    expect(pattern.test('las abos')).toBe(true);
    expect(pattern.test('las aboś')).toBe(false); // ś is a letter: no word boundary
    expect(pattern.test('trop d’appareils')).toBe(true);
  });
});
