/** The printed page's style: A4, the margins and type of Decree 30/2020/NĐ-CP (Times New Roman 13–14 pt), black on white. */
export const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35; color: #000; max-width: 170mm; margin: 0 auto; }
.head { display: flex; justify-content: space-between; text-align: center; font-size: 12.5pt; }
.head > div:first-child { width: 42%; } .head > div:last-child { width: 58%; white-space: nowrap; }
.upper { text-transform: uppercase; }
.b { font-weight: bold; }
.rule { display: inline-block; border-top: 1px solid #000; width: 40%; margin-top: 2px; }
.date { text-align: right; font-style: italic; margin: 10px 0 18px; }
h1 { text-align: center; font-size: 14pt; margin: 0; }
.subtitle { text-align: center; font-weight: bold; margin: 4px 0 18px; }
.asofnow { border: 1.5px solid #000; padding: 6px 10px; margin: 10px 0; font-weight: bold; }
h2 { font-size: 13pt; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 11.5pt; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; } td.c { text-align: center; }
tr.total td { font-weight: bold; }
.cmp { font-size: 9pt; font-style: italic; white-space: nowrap; }
figure { margin: 8px 0; page-break-inside: avoid; }
.end { display: flex; justify-content: space-between; margin-top: 28px; page-break-inside: avoid; }
.recipients { font-size: 11pt; width: 48%; } .recipients p { margin: 0; }
.sign { width: 48%; text-align: center; } .sign .space { height: 70px; }
.meta { margin-top: 24px; font-size: 9pt; color: #333; word-break: break-all; }
`;
