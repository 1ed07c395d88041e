// 智慧组工云 — the few behaviours pages share. No inline scripts (CSP script-src 'self').
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });

  document.addEventListener('click', function (e) {
    // Lazy tree: expand / collapse a node, loading its children once.
    var toggle = e.target.closest('.zg-toggle[data-children]');
    if (toggle) {
      var li = toggle.closest('li');
      var sub = li.querySelector(':scope > ul');
      if (sub) {
        sub.hidden = !sub.hidden;
        toggle.textContent = sub.hidden ? '▸' : '▾';
        toggle.setAttribute('aria-expanded', String(!sub.hidden));
      } else {
        sub = document.createElement('ul');
        li.appendChild(sub);
        toggle.textContent = '▾';
        toggle.setAttribute('aria-expanded', 'true');
        htmx.ajax('GET', toggle.getAttribute('data-children'), { target: sub, swap: 'innerHTML' });
      }
      e.preventDefault();
      return;
    }

    // Pager: keep the current filters, change only the page.
    var pageLink = e.target.closest('.zg-page-link');
    if (pageLink) {
      e.preventDefault();
      if (pageLink.closest('.disabled')) { return; }
      var url = new URL(window.location.href);
      url.searchParams.set('page', pageLink.getAttribute('data-page'));
      window.location.href = url.toString();
      return;
    }

    // Sortable column: keep the filters, set the order, back to the first page.
    var sortLink = e.target.closest('.zg-sort');
    if (sortLink) {
      e.preventDefault();
      var sorted = new URL(window.location.href);
      sorted.searchParams.set('sort', sortLink.getAttribute('data-sort'));
      sorted.searchParams.delete('page');
      window.location.href = sorted.toString();
      return;
    }

    // Organization picker: open the dialog for one field.
    var open = e.target.closest('.zg-org-picker-open');
    if (open) {
      var dialog = document.getElementById('org-picker-dialog');
      dialog.setAttribute('data-target', open.getAttribute('data-target'));
      bootstrap.Modal.getOrCreateInstance(dialog).show();
      htmx.ajax('GET', '/organizations/picker', { target: '#org-picker-tree', swap: 'innerHTML' });
      return;
    }
    var clear = e.target.closest('.zg-org-picker-clear');
    if (clear) {
      var f = clear.getAttribute('data-target');
      document.getElementById(f).value = '';
      document.getElementById(f + '-name').value = '';
      return;
    }
    var pick = e.target.closest('.zg-pick');
    if (pick) {
      e.preventDefault();
      var dlg = document.getElementById('org-picker-dialog');
      var field = dlg.getAttribute('data-target');
      document.getElementById(field).value = pick.getAttribute('data-id');
      document.getElementById(field + '-name').value = pick.getAttribute('data-name');
      document.getElementById(field).dispatchEvent(new Event('change', { bubbles: true }));
      bootstrap.Modal.getOrCreateInstance(dlg).hide();
      return;
    }

    // Confirmation for destructive actions.
    var confirmer = e.target.closest('[data-confirm]');
    if (confirmer && !window.confirm(confirmer.getAttribute('data-confirm'))) {
      e.preventDefault();
    }
  });

  // Printable forms: the print button, and 返回 to the page the user came from when there is one.
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) {
      e.preventDefault();
      window.print();
      return;
    }
    var back = e.target.closest('[data-back]');
    if (back && document.referrer && window.history.length > 1
        && new URL(document.referrer).origin === window.location.origin) {
      e.preventDefault();
      window.history.back();
    }
  });

  // Reveal a full ID number (audited on the server).
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('.zg-reveal-id');
    if (!btn) { return; }
    e.preventDefault();
    var c = csrf();
    var headers = {};
    if (c) { headers[c.header] = c.token; }
    fetch(btn.getAttribute('data-url'), { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (text) { document.getElementById(btn.getAttribute('data-target')).textContent = text; btn.remove(); })
      .catch(function () { window.alert('无法显示完整身份证号：没有权限或记录不存在'); });
  });
})();
