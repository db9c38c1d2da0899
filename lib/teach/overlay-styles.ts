/** The teaching overlay (its own closed shadow root; px sizes, the CRM's rem is not ours). */
export const TEACH_CSS = `
:host{all:initial}
*{box-sizing:border-box;font:13px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.layer{position:fixed;inset:0;pointer-events:none;z-index:2147483645}
.mark{position:fixed;border:2px solid #059669;background:rgba(5,150,105,.10);border-radius:4px}
.mark.row{border:1px dashed #10b981;background:transparent}
.mark.field{border-color:#d97706;background:rgba(217,119,6,.10)}
.hover{position:fixed;pointer-events:none;border:2px solid #4f46e5;background:rgba(79,70,229,.12);border-radius:4px;z-index:2147483646;display:none}
.hover.on{display:block}
.bar{position:fixed;left:50%;top:12px;transform:translateX(-50%);z-index:2147483647;display:flex;flex-wrap:wrap;gap:10px;align-items:center;background:#111827;color:#f9fafb;padding:10px 14px;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.28);max-width:min(720px,calc(100vw - 24px))}
.bar strong{font-weight:600;color:#a7f3d0}
.count{font-weight:700;color:#fff;background:#059669;border-radius:999px;padding:1px 10px}
.count:empty{display:none}
.message{flex:1 1 220px}
button{cursor:pointer;border-radius:6px;border:1px solid #d1d5db;background:#fff;color:#111827;padding:5px 12px}
button.primary{background:#059669;border-color:#059669;color:#fff;font-weight:600}
button:disabled{opacity:.6;cursor:default}
button:focus-visible,select:focus-visible{outline:2px solid #a7f3d0;outline-offset:2px}
.bar button:not(.primary){background:transparent;color:#f9fafb;border-color:#6b7280}
.chooser{position:fixed;z-index:2147483647;width:310px;background:#fff;color:#111827;border:1px solid #e5e7eb;border-radius:10px;box-shadow:0 10px 30px rgba(0,0,0,.2);padding:12px;display:none}
.chooser.on{display:block}
.chooser h2{margin:0 0 8px;font-size:14px;font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 8px;margin:0 0 8px}
dt{color:#6b7280}
dd{margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:500}
label{display:block;color:#374151;margin-bottom:4px}
select{width:100%;padding:5px;border:1px solid #d1d5db;border-radius:6px;background:#fff;color:#111827}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:10px}
.error{color:#b91c1c;margin-top:6px}
.error:empty{display:none}
`;
