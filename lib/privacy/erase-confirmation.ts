/** What the confirmation field must say for "erase everything" (the UI asks for a word in the user's language). */
export const ERASE_ALL_CONFIRMATION = 'erase-everything';
