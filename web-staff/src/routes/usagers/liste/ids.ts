/** The line that says what an action did: the focus goes there once the dialog that did it closes. */
export const RESULT_ID = "usagers-resultat";
/** The page's heading: a new page of results scrolls back to it. */
export const TITLE_ID = "usagers-titre";
