/**
 * Word lists for discovery (English and Spanish, plus the particles of other Latin-script
 * languages). All entries are folded (lower case, no accents): look words up with `fold()`.
 * Kept small on purpose, because they ship in the content script: they only need the words
 * that capitalisation alone gets wrong, not a dictionary.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/**
 * Function words and common sentence openers. Capitalised at the start of a sentence they are
 * not names, so they are stripped from the front of a name found there ("The White House").
 */
export const STOPWORDS = set(`
  a an the this that these those there here their theirs they them he she it its we our ours you your
  i me my mine his her hers him who whom whose what which when where why how whether while if but and
  or nor so yet for of on in at by to from with without as after before during since until till about
  above below under over into onto upon through throughout between among amid against across despite
  though although because also even still just only then now not no yes some any many much more most
  few fewer several each every all both either neither other another such same one two three four five
  first second third last next new former however meanwhile moreover furthermore instead indeed thus
  hence therefore according hardly nearly almost perhaps maybe already soon later earlier once again
  today yesterday tomorrow tonight never always often sometimes usually there's it's that's he's she's
  let let's please thanks thank yet do does did is are was were be been being has have had will would
  can could should may might must shall oh well ok okay like unlike beyond within along around behind
  near outside inside per via amid toward towards regarding concerning asked told said says
  el la lo los las un una unos unas al del de en con por para sin sobre entre desde hasta hacia segun
  durante mediante contra ante bajo tras y e o u ni pero sino aunque porque pues como cuando donde
  mientras si que quien quienes cual cuales cuyo cuya este esta esto estos estas ese esa eso esos esas
  aquel aquella aquellos aquellas su sus mi mis tu tus nuestro nuestra nuestros nuestras el ella ellos
  ellas nosotros nosotras usted ustedes yo le les se tambien tampoco ya aun ademas asi incluso solo
  hoy ayer manana ahora entonces luego despues antes todo toda todos todas otro otra otros otras cada
  ningun ninguna alguno alguna algunos algunas varios varias muchos muchas poco pocos mucho mas menos
  muy tan no hay fue fueron era es son esta estan sera ser ha han habia tiene tienen sin embargo pese
  tras segun unas hace hacia alli aqui ahi ante dicho dijo dice
  der die das ein eine und il lo gli le les des du et ou un une
`);

/** Leading articles that may belong to a name ("Los Chapitos", "The Hague"): dropped from merge keys. */
export const ARTICLES = set('the el la los las le les il lo gli die der das');

/**
 * Lower-case words that may join the capitalised parts of one name:
 * "Andrés Manuel López Obrador", "Gulf of Mexico", "Ludwig van Beethoven", "Osama bin Laden".
 */
export const CONNECTORS = set('de del la las los da das do dos di du van von der den ter bin ibn of the');

/**
 * Words that join the parts of an institution's name only: "Homeland Security and Governmental
 * Affairs Committee", "National Institute for Space Research" (never "Mexico and Colombia").
 */
export const JOINERS = set('and y e und et for para');

/**
 * Titles and roles: context, never part of a name ("President Claudia Sheinbaum"). Spanish
 * titles are usually lower case and so never join a name in the first place.
 */
export const TITLES = set(`
  president presidents secretary minister senator sen rep representative congressman congresswoman
  governor gov mayor judge justice general gen colonel col admiral sergeant sgt lieutenant lt captain capt
  commander chancellor ambassador king queen prince princess pope cardinal bishop archbishop rabbi imam
  father rev reverend dr mr mrs ms mx miss sir dame lord lady attorney prosecutor speaker spokesman
  spokeswoman spokesperson sheriff detective professor prof coach premier emperor sultan sheikh
  director administrator commissioner chairman chairwoman ceo officer agent inspector superintendent
  presidente presidenta secretario secretaria ministro ministra senador senadora diputado diputada
  gobernador gobernadora alcalde alcaldesa juez jueza fiscal coronel canciller rey reina principe papa
  don dona senor senora sr sra dra doctor doctora licenciado licenciada vocero vocera portavoz
  embajador embajadora comisario comisionado
`);

/** Words that are only titles next to a strong one: "Press Secretary", "Deputy Chief", "Vice President". */
export const TITLE_MODIFIERS = set('press deputy vice chief former acting interim assistant senior first prime foreign defense defence state');

/** Month and day names: capitalised in English but never worth a note. */
export const CALENDAR = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
  lunes martes miercoles jueves viernes sabado domingo
`);

/** English calendar words: Spanish writes its own in lower case, so there "Mayo" is a name. */
export const CALENDAR_EN = set(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * Single capitalised words that are not worth a note: demonyms and party or creed adjectives
 * that English capitalises, generic institutions Spanish capitalises, and page furniture.
 */
export const NOT_NAMES = set(`
  american americans mexican mexicans canadian european african asian latin latino latina latinos hispanic
  chinese japanese korean russian ukrainian british english french german spanish italian portuguese
  dutch swiss greek turkish polish irish scottish israeli israelis palestinian palestinians iranian iraqi
  syrian lebanese saudi egyptian indian pakistani afghan colombian venezuelan venezuelans cuban
  brazilian argentine argentinian chilean peruvian ecuadorian bolivian salvadoran guatemalan honduran
  nicaraguan haitian dominican australian arab arabic western eastern northern southern
  republican republicans democrat democrats democratic conservative conservatives liberal liberals
  socialist communist trumpist islamist islamic catholic christian christians muslim muslims jewish
  sunni shiite evangelical
  gobierno government administracion administration estado ejecutivo presidencia nacion
  advertisement publicidad newsletter subscribe suscribete share compartir comments comentarios
  related relacionado premium menu home inicio login sign
  god dios internet
`);

/** Institution words that say nothing alone ("the Office", "the Committee"). */
export const GENERIC_HEADS = set(`
  office council committee department ministry party university college school company group bank
  court agency commission organization organisation institute foundation association union board
  bureau federation league club team fund tribunal service authority network center centre district
  port city state river ravine street fiscalia ministerio secretaria servicio
`);

/** Last words that make a name an organisation. */
export const ORG_HEADS = set(`
  cartel house department ministry party university college school company corp corporation inc ltd
  group bank council court congress senate agency army navy forces force guard police committee
  commission organization organisation institute foundation association union times post news
  journal press network office service administration authority board bureau church federation
  league club team fund reserve tribunal cartels center centre consortium confederation district
  secretaria partido ejercito guardia fiscalia universidad banco instituto comision
  congreso senado camara tribunal suprema corte policia armada marina fundacion asociacion sindicato
  grupo empresa consejo comisionado servicio ayuntamiento ministerio hospital
`);

/** Words that make a name a place. */
export const PLACE_HEADS = set(`
  city river sea ocean gulf bay island islands mountains mountain valley county province state
  street avenue square park lake canal desert peninsula coast strait border port ravine district
  ciudad rio mar golfo isla islas sierra valle estado provincia calle avenida plaza parque lago
  desierto peninsula costa frontera
`);

/** Places common in the news, so a lone "Mexico" says 'place' rather than 'name'. */
export const PLACES = set(`
  mexico canada cuba venezuela colombia brazil brasil argentina chile peru ecuador bolivia panama
  guatemala honduras nicaragua haiti china japan india pakistan afghanistan iran iraq syria israel
  gaza lebanon egypt russia ukraine europe africa asia america americas spain espana france germany
  italy portugal britain england poland turkey caribbean pacific atlantic washington texas california
  florida arizona sinaloa jalisco sonora tijuana culiacan madrid paris london beijing moscow
`);

/** A few common given names (English and Spanish), so a two-word name says 'person'. */
export const GIVEN_NAMES = set(`
  john james robert michael william david richard joseph thomas charles christopher daniel matthew
  donald mark paul steven stephen andrew kenneth joshua kevin brian george timothy ronald edward jason
  jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin samuel frank
  gregory raymond alexander patrick jack dennis jerry tyler aaron henry adam peter nathan kyle walter
  ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
  dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
  vincent russell elijah louis bobby philip johnny marco mike alex steve bill tom tim joe ben nick
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
  sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
  sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
  katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
  joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
  jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
  judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
  charlotte rose alexis kayla kamala hillary karoline kristi pam tulsi marco
  jose luis carlos jorge manuel antonio francisco miguel pedro javier alejandro fernando ricardo
  rafael eduardo roberto andres sergio enrique raul alberto arturo mario oscar hector ramon pablo
  diego gustavo ignacio rodrigo salvador ernesto joaquin ismael ovidio ivan omar felipe vicente
  gerardo guillermo cesar adrian emilio marcelo nicolas santiago mateo sebastian gabriel
  ana lucia carmen isabel rosa elena marta pilar dolores josefa claudia gabriela adriana veronica
  alejandra mariana daniela paula silvia patricia beatriz norma margarita leticia xochitl lorena
  ximena andrea valeria sofia camila fernanda monica rocio luisa irene
`);

/** Roman numerals that look like acronyms ("World War II"). */
export const ROMAN = /^[IVXLC]{1,6}$/u;
