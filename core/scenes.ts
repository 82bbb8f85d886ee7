// WeChat scene numbers Sprout acts on (kept apart from the contracts so the app can import
// them without the schema library).

/** A card opened inside a group chat (1044: with shareTicket). */
export const GROUP_SCENES = [1008, 1044];
/** Moments single-page mode: no identity, read-only. */
export const MOMENTS_SINGLE_PAGE_SCENE = 1154;
