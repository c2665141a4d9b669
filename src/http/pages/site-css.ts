// The stylesheet of every page (citizens' and staff's), served as /static/site.css: no inline style anywhere, so the
// content security policy can forbid inline styles and scripts. Mobile first (a 360-px phone), system fonts, WCAG AA
// contrast, large tap targets, visible focus.
export const SITE_CSS = `
:root{--ink:#1b2430;--muted:#4a5563;--line:#d5dbe3;--bg:#f4f6f9;--card:#fff;--brand:#0b4a8b;--brand-dark:#083764;
--ok:#1d6b3a;--ok-bg:#e6f4ea;--warn:#8a4b00;--warn-bg:#fff4e0;--bad:#a01d1d;--bad-bg:#fdecec;--focus:#f5b400}
*{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,sans-serif}
a{color:var(--brand)}a:hover{color:var(--brand-dark)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:9}
.masthead{background:var(--brand);color:#fff;border-bottom:4px solid var(--focus)}
.masthead .bar{max-width:42rem;margin:0 auto;padding:.75rem 1rem;display:flex;gap:.75rem;align-items:center;justify-content:space-between;flex-wrap:wrap}
.brand{color:#fff;text-decoration:none;display:flex;flex-direction:column;line-height:1.25}
.brand:hover{color:#fff}
.brand b{font-size:1.05rem}.brand small{font-size:.8rem;opacity:.92}
.masthead nav{display:flex;gap:.25rem;align-items:center;flex-wrap:wrap}
.masthead nav a,.masthead nav button{color:#fff;font:inherit;font-size:.9rem;background:none;border:1px solid rgba(255,255,255,.5);border-radius:999px;padding:.3rem .75rem;text-decoration:none;cursor:pointer;min-height:2.25rem;display:inline-flex;align-items:center}
.masthead nav a[aria-current=true]{background:#fff;color:var(--brand);border-color:#fff}
.masthead nav form{margin:0}
.langs{display:inline-flex;border:1px solid rgba(255,255,255,.5);border-radius:999px;overflow:hidden}
.masthead nav .langs a{border:0;border-radius:0;padding:.3rem .6rem;font-weight:600}
main{max-width:42rem;margin:0 auto;padding:1.25rem 1rem 3rem}
body.wide main,body.wide .masthead .bar,body.wide footer.site{max-width:76rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .75rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
p{margin:.5rem 0}
.lead{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem;margin:1rem 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.875rem;margin-top:.1rem}
input[type=text],input[type=email],input[type=tel],input[type=search],input[type=date],input:not([type]),select,textarea{width:100%;font:inherit;color:var(--ink);background:#fff;border:1px solid #8d99a8;border-radius:.4rem;padding:.6rem .7rem;min-height:2.75rem}
textarea{min-height:8rem;resize:vertical}
input[type=file]{font:inherit;max-width:100%;padding:.4rem 0}
input[type=file]::file-selector-button{font:inherit;font-weight:600;color:var(--brand);background:#fff;border:2px solid var(--brand);border-radius:.45rem;padding:.45rem .9rem;margin-right:.6rem;cursor:pointer}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem 1rem;margin:1rem 0}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin:.5rem 0;font-weight:400}
.choice input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.button,button{display:inline-flex;align-items:center;justify-content:center;gap:.4rem;font:inherit;font-weight:600;border-radius:.45rem;border:2px solid var(--brand);background:var(--brand);color:#fff;padding:.6rem 1.1rem;min-height:2.75rem;cursor:pointer;text-decoration:none}
.button:hover,button:hover{background:var(--brand-dark);border-color:var(--brand-dark);color:#fff}
.button.secondary,button.secondary{background:#fff;color:var(--brand)}
.button.secondary:hover,button.secondary:hover{background:#eef3f9;color:var(--brand-dark)}
button.danger{background:#fff;color:var(--bad);border-color:var(--bad)}
button.small,.button.small{padding:.3rem .7rem;min-height:2.25rem;font-size:.9rem}
.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1rem}
.error{color:var(--bad);font-weight:600}
.notice{border-left:4px solid var(--brand);background:#eef3f9;padding:.75rem 1rem;border-radius:.35rem;margin:1rem 0}
.notice.ok{border-color:var(--ok);background:var(--ok-bg)}
.notice.warn{border-color:var(--warn);background:var(--warn-bg)}
.notice.bad{border-color:var(--bad);background:var(--bad-bg)}
.errors{border:2px solid var(--bad);background:var(--bad-bg);padding:.75rem 1rem;border-radius:.4rem}
.errors ul{margin:.25rem 0 0;padding-left:1.25rem}
.ticket{font:700 1.35rem/1.2 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.04em}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.linkbox{background:#f8fafc;border:1px dashed #8d99a8;border-radius:.4rem;padding:.6rem;font-size:.9rem}
.stage{display:inline-block;border-radius:999px;padding:.15rem .6rem;font-size:.85rem;font-weight:600;background:#e8eef6;color:var(--brand-dark)}
.stage.done{background:var(--ok-bg);color:var(--ok)}
.stage.wait{background:var(--warn-bg);color:var(--warn)}
.steps{list-style:none;padding:0;margin:.75rem 0;display:grid;gap:.35rem}
.steps li{display:flex;gap:.5rem;align-items:center;color:var(--muted);font-size:.95rem}
.steps li::before{content:"";width:.8rem;height:.8rem;border-radius:50%;border:2px solid #8d99a8;flex:none}
.steps li.done{color:var(--ink)}.steps li.done::before{background:var(--ok);border-color:var(--ok)}
.steps li.now{color:var(--ink);font-weight:700}.steps li.now::before{background:var(--focus);border-color:var(--warn)}
.thread{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-direction:column;gap:.6rem}
.msg{max-width:92%;border-radius:.7rem;padding:.55rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere}
.msg .who{display:block;font-size:.75rem;font-weight:700;color:var(--muted);margin-bottom:.15rem}
.msg.service{background:#fff;border:1px solid var(--line);align-self:flex-start}
.msg.citizen{background:#dbe8f7;align-self:flex-end}
.msg.staff{background:#fff;border:1px solid var(--line);border-left:4px solid var(--brand);align-self:flex-start}
.msg time{display:block;font-size:.72rem;color:var(--muted);margin-top:.2rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .9rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
th,td{text-align:left;padding:.5rem .55rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef2f7;font-weight:700;position:sticky;top:0}
tr.overdue td:first-child{border-left:4px solid var(--bad)}
td .mono{word-break:normal;white-space:nowrap}
td.when{white-space:nowrap;font-variant-numeric:tabular-nums}
.tag{display:inline-block;font-size:.75rem;font-weight:700;border-radius:.3rem;padding:0 .35rem;margin:0 .15rem .15rem 0;border:1px solid currentColor}
.tag.bad{color:var(--bad)}.tag.warn{color:var(--warn)}.tag.info{color:var(--brand)}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:.5rem}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.5rem;align-items:end}
.filters label{margin:0 0 .2rem;font-size:.85rem}
.filters .checks label{margin:.15rem 0;font-size:.85rem}
.msg-text{white-space:pre-wrap;overflow-wrap:anywhere}
.grid2{display:grid;gap:1rem}
.history{font-size:.88rem;list-style:none;padding:0;margin:0}
.history li{padding:.35rem 0;border-bottom:1px solid var(--line)}
.history .when{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.4rem}
.muted{color:var(--muted)}
.chart{width:100%;height:auto;display:block}
.legend{display:flex;gap:1rem;flex-wrap:wrap;font-size:.85rem;color:var(--muted)}
.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;margin-right:.3rem;vertical-align:-.1rem}
.sw-new{background:#0b4a8b}.sw-closed{background:#2e8b57}.sw-overdue{background:#c0392b}.sw-std{background:#9aa5b1}.sw-sat{background:#2e8b57}.sw-unsat{background:#c0392b}.sw-none{background:#9aa5b1}
.actionforms details{border:1px solid var(--line);border-radius:.45rem;margin:.5rem 0;background:#fff}
.actionforms summary{cursor:pointer;padding:.6rem .8rem;font-weight:600}
.actionforms details form{padding:0 .8rem .8rem}
.inline{display:inline}
footer.site{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@media (min-width:48rem){h1{font-size:1.8rem}.grid2{grid-template-columns:1fr 1fr}main{padding-top:2rem}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto}}
`;
