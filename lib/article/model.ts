/**
 * The article model's scorecard, written by scripts/fit-article-model.mjs (do not edit by hand):
 * 1288 labelled pages of wcxb-dev, readability (weight 3), 100 boosted one-split trees at rate
 * 0.3. A page starts at `base` log-odds and gains `points` for each split whose
 * feature (lib/article/weigh.ts FEATURES) is above its threshold; at probability >= `threshold`
 * it is an article.
 */
export const MODEL: { base: number; threshold: number; splits: readonly (readonly [feature: number, threshold: number, points: number])[] } = {
  base: -4.774,
  threshold: 0.6,
  splits: [
    [0, 0.5, 2.913], // rules > 0.5
    [1, 0.5, 0.861], // inArticle > 0.5
    [2, 3.5, 0.45], // slugWords > 3.5
    [2, 4.5, 1.681], // slugWords > 4.5
    [3, 0.5, -1.418], // rootAddress > 0.5
    [4, 3.5, 0.096], // inputs > 3.5
    [4, 11.5, -0.648], // inputs > 11.5
    [4, 43, -0.976], // inputs > 43
    [5, 0.9062, 0.268], // perRun > 0.9062
    [5, 2.735, -0.335], // perRun > 2.735
    [5, 12.08, 0.303], // perRun > 12.08
    [5, 19.17, 0.376], // perRun > 19.17
    [5, 20.25, 0.497], // perRun > 20.25
    [6, 0.5, 1.418], // shareLinks > 0.5
    [7, 0.5, 1.193], // authorLinks > 0.5
    [8, 0.5, -0.721], // code > 0.5
    [8, 55.5, -0.573], // code > 55.5
    [9, 0.7289, 0.937], // bodyShare > 0.7289
    [9, 0.9948, -0.211], // bodyShare > 0.9948
    [9, 0.9963, -0.266], // bodyShare > 0.9963
    [10, 0.004392, -0.37], // linksPerChar > 0.004392
    [10, 0.007647, -0.132], // linksPerChar > 0.007647
    [10, 0.01733, -0.208], // linksPerChar > 0.01733
    [10, 0.04418, -0.353], // linksPerChar > 0.04418
    [10, 0.064, -0.248], // linksPerChar > 0.064
    [10, 0.1398, 0.146], // linksPerChar > 0.1398
    [10, 0.3217, -0.224], // linksPerChar > 0.3217
    [11, 0.1123, 0.644], // runShare > 0.1123
    [11, 0.1134, 0.842], // runShare > 0.1134
    [12, 0.5, 0.455], // byline > 0.5
    [13, 0.5, 0.168], // published > 0.5
    [14, 0.5, 0.67], // bodyParagraphs > 0.5
    [15, 250, 1.375], // chars > 250
    [15, 448.5, 0.189], // chars > 448.5
    [15, 1179, -0.295], // chars > 1179
    [15, 1343, -0.135], // chars > 1343
    [15, 4816, 0.109], // chars > 4816
    [16, 7.5, -0.156], // buttons > 7.5
    [16, 25.5, -0.325], // buttons > 25.5
    [16, 49.5, -0.599], // buttons > 49.5
    [16, 82.5, -0.353], // buttons > 82.5
    [17, 17, -0.53], // articles > 17
    [18, 0.5, -0.618], // nextPage > 0.5
  ],
};

/** The features the splits refer to, by index: weigh.ts must compute them in this order (a test checks). */
export const MODEL_FEATURES = ["rules","inArticle","slugWords","rootAddress","inputs","perRun","shareLinks","authorLinks","code","bodyShare","linksPerChar","runShare","byline","published","bodyParagraphs","chars","buttons","articles","nextPage"];
