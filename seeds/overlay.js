/*
 * Seed demo: the "subscription used on another device" notice, shown the way the news site
 * shows it — a dim full-viewport backdrop plus a separate fixed box above it, and the page's
 * scrolling locked — about 1.2 s after the page has loaded, over text already delivered.
 *
 * Plain script (no modules), no network. Elements:
 *   backdrop: <div id="ctn_freemium_device_bg" class="ctn_freemium_device_bg">
 *   box:      <div id="ctn_freemium_device" class="ctn_freemium_device" role="dialog">
 */
(function () {
  'use strict';

  var DELAY_MS = 1200;

  var CSS = [
    '.ctn_freemium_device_bg{position:fixed;inset:0;top:0;right:0;bottom:0;left:0;',
    'background:rgba(0,0,0,.5);z-index:2147483000;}',
    '.ctn_freemium_device{position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);',
    'width:calc(100% - 32px);max-width:460px;box-sizing:border-box;padding:28px 28px 24px;',
    'background:#fff;color:#111;border-radius:6px;box-shadow:0 12px 40px rgba(0,0,0,.35);',
    'z-index:2147483001;font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;',
    'text-align:center;line-height:1.45;}',
    '.ctn_freemium_device .cfd_logo{margin:0 0 14px;font-family:Georgia,"Times New Roman",serif;',
    'font-size:22px;font-weight:700;}',
    '.ctn_freemium_device .cfd_title{margin:0 0 10px;font-family:Georgia,"Times New Roman",serif;',
    'font-size:22px;font-weight:700;line-height:1.25;}',
    '.ctn_freemium_device .cfd_question{margin:0 0 6px;font-size:15px;font-weight:700;}',
    '.ctn_freemium_device .cfd_text{margin:0 0 22px;font-size:15px;color:#444;}',
    '.ctn_freemium_device .cfd_actions{display:flex;flex-direction:column;gap:10px;}',
    '.ctn_freemium_device .cfd_btn{display:block;width:100%;padding:12px 16px;font:inherit;',
    'font-size:15px;font-weight:700;border-radius:3px;cursor:pointer;}',
    '.ctn_freemium_device .cfd_btn_primary{background:#0f5ea8;color:#fff;border:1px solid #0f5ea8;}',
    '.ctn_freemium_device .cfd_btn_secondary{background:#fff;color:#0f5ea8;border:1px solid #0f5ea8;}'
  ].join('');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show() {
    if (document.getElementById('ctn_freemium_device')) return;

    var style = el('style');
    style.id = 'ctn_freemium_device_css';
    style.textContent = CSS;
    document.head.appendChild(style);

    var backdrop = el('div', 'ctn_freemium_device_bg');
    backdrop.id = 'ctn_freemium_device_bg';

    var box = el('div', 'ctn_freemium_device');
    box.id = 'ctn_freemium_device';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'ctn_freemium_device_title');
    box.setAttribute('lang', 'es');

    var logo = el('p', 'cfd_logo', 'EL PAÍS');
    var title = el('p', 'cfd_title', 'Tu suscripción se está usando en otro dispositivo');
    title.id = 'ctn_freemium_device_title';
    var question = el('p', 'cfd_question', '¿Quieres añadir otro usuario a tu suscripción?');
    var text = el('p', 'cfd_text', 'Si continúas leyendo en este dispositivo, no se podrá leer en el otro.');
    var actions = el('div', 'cfd_actions');
    var keep = el('button', 'cfd_btn cfd_btn_primary', 'Continuar leyendo aquí');
    keep.type = 'button';
    var add = el('button', 'cfd_btn cfd_btn_secondary', 'Añadir usuario');
    add.type = 'button';
    actions.appendChild(keep);
    actions.appendChild(add);
    box.appendChild(logo);
    box.appendChild(title);
    box.appendChild(question);
    box.appendChild(text);
    box.appendChild(actions);

    // Lock scrolling the way the site does: freeze <html> and pin <body> at the current offset.
    var y = window.scrollY || window.pageYOffset || 0;
    var htmlOverflowBefore = document.documentElement.style.overflow;
    var bodyCssBefore = document.body.style.cssText;
    document.documentElement.style.overflow = 'hidden';
    document.body.style.cssText += ';position:fixed;top:-' + y + 'px;left:0;right:0;width:100%';

    document.body.appendChild(backdrop);
    document.body.appendChild(box);

    // "Continuar leyendo aquí" claims the session for this device: the notice goes away.
    keep.addEventListener('click', function () {
      backdrop.remove();
      box.remove();
      document.documentElement.style.overflow = htmlOverflowBefore;
      document.body.style.cssText = bodyCssBefore;
      window.scrollTo(0, y);
    });
    // "Añadir usuario" would go to the account pages; the demo has none.
  }

  function schedule() {
    setTimeout(show, DELAY_MS);
  }

  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule);
})();
