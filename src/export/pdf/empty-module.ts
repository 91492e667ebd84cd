// jsPDF imports html2canvas, DOMPurify and canvg lazily for doc.html() and SVG, which
// this app never calls; vite.config.ts points them here to keep ~380 KB out of the build.
export default {};
