// The id of the review report among a template's documents (steps default to it). Its
// own module, so that code of the first render can name it without the template schema.
export const MAIN_DOCUMENT = 'main';
