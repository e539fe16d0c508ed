/* The source writes the Latin schwa (ə, Ə) where Kazakh has the Cyrillic ә (Ә);
 * the book's text, and so its search index, uses the Cyrillic letter. Sphinx's
 * searchtools.js keeps a splitQuery defined before it, so a query typed with
 * either letter finds the same word. */
var splitQuery = (query) => query
  .replace(/ə/g, "ә")
  .replace(/Ə/g, "Ә")
  .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
  .filter((term) => term);
