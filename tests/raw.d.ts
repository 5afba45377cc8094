// Vite's ?raw imports give a file's text; tests use them to read fixtures inside the browser.
declare module '*?raw' {
  const text: string;
  export default text;
}
