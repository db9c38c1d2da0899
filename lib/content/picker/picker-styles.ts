/** The picker's overlay (its own shadow root; px sizes, the CRM's rem is not ours). */
export const PICKER_CSS = `
:host{all:initial}
*{box-sizing:border-box;font:13px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.box{position:fixed;pointer-events:none;border:2px solid #4f46e5;background:rgba(79,70,229,.12);border-radius:4px;z-index:2147483646;display:none}
.box.on{display:block}
.tag{position:absolute;left:-2px;bottom:100%;margin-bottom:2px;max-width:320px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;background:#4f46e5;color:#fff;font-size:11px;padding:1px 6px;border-radius:3px}
.bar{position:fixed;left:50%;top:12px;transform:translateX(-50%);z-index:2147483647;display:flex;gap:12px;align-items:center;background:#111827;color:#f9fafb;padding:8px 12px;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.25);max-width:min(640px,calc(100vw - 24px))}
.bar strong{font-weight:600;color:#c7d2fe}
button{cursor:pointer;border-radius:6px;border:1px solid #d1d5db;background:#fff;color:#111827;padding:4px 10px}
button.primary{background:#4f46e5;border-color:#4f46e5;color:#fff}
button:disabled{opacity:.6;cursor:default}
.bar button{background:transparent;color:#f9fafb;border-color:#6b7280}
.chooser{position:fixed;z-index:2147483647;width:300px;background:#fff;color:#111827;border:1px solid #e5e7eb;border-radius:10px;box-shadow:0 10px 30px rgba(0,0,0,.2);padding:12px;display:none}
.chooser.on{display:block}
.chooser h2{margin:0 0 8px;font-size:14px;font-weight:600}
.row{display:grid;grid-template-columns:auto 1fr;gap:4px 8px;margin-bottom:8px}
.row dt{color:#6b7280}
.row dd{margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:500}
label{display:block;color:#374151;margin-bottom:4px}
select{width:100%;padding:5px;border:1px solid #d1d5db;border-radius:6px;background:#fff;color:#111827}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:10px}
.error{color:#b91c1c;margin-top:6px}
`;
