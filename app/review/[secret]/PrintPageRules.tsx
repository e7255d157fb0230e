/**
 * Page rules for printing this board: the workshop title in the top margin
 * and page numbers in the bottom one. Browsers that support margin boxes
 * (Chromium 131+) print these instead of their own header and footer, whose
 * footer would put this page's address — the private link — on paper.
 */
export function PrintPageRules({ title }: { title: string }) {
  const css =
    '@page{margin:18mm 16mm;' +
    `@top-left{content:${cssString(title)};font:9pt system-ui,sans-serif;color:#555}` +
    '@bottom-right{content:counter(page) " / " counter(pages);font:9pt system-ui,sans-serif;color:#555}}';
  return <style>{css}</style>;
}

/** A CSS string literal for any text: everything but letters, digits and spaces as a hex escape, so no title can end the rule (or the element). */
function cssString(text: string): string {
  const escaped = Array.from(text, (ch) => (/^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}
