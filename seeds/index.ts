/** Data Casescore ships: the London letter's annexe two and the demo samples that reproduce it. */
export { loadAnnexeTwo, LONDON_REGION, type PublishedPduRatings } from './london-2022/annexe-two';
export { createLondonDemo, LONDON_REGIONAL_FIGURES, type RegionalFigure } from './london-2022/demo-samples';
