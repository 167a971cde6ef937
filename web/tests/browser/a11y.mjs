// The console's accessibility check (issue 14: keyboard navigation, labels for screen readers),
// run in a loaded page. `audit` is evaluated in the page (plain JS, no library) and lists:
//   - a button or link with no accessible name (its text, aria-label, aria-labelledby, a label or
//     title);
//   - a form control (input, select, textarea, [role=combobox]) with no label (label[for], a
//     wrapping label, aria-label or aria-labelledby);
//   - an img without alt, a chart (ECharts) without role="img" and an aria-label;
//   - a clickable element the keyboard cannot reach: [role=button] or [role=link] that is not
//     focusable, or an <a> without href (not a link, so not in the tab order).
// Each problem names the element (a short outerHTML) and what it lacks.

/** Evaluated in the page: the problems found, as { what, element }. */
export function audit() {
  const problems = [];
  // Hidden elements are left out: not rendered (display:none or visibility:hidden on the element
  // or an ancestor: checkVisibility) or hidden from assistive technology (aria-hidden, inert).
  // A screen reader neither announces nor reaches them, and Tab skips them: Ant Design keeps
  // closed popups, Tabs' measuring copies and an empty input's clear icon so.
  const hidden = (el) => !el.checkVisibility({ visibilityProperty: true }) || !!el.closest('[aria-hidden="true"], [inert]');
  const short = (el) => {
    const html = el.outerHTML.replace(/\s+/g, ' ');
    return html.length > 160 ? `${html.slice(0, 157)}...` : html;
  };
  const labelledBy = (el) =>
    (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? document.getElementById(id)?.textContent ?? '' : ''))
      .join('')
      .trim();
  const ariaName = (el) => labelledBy(el) || (el.getAttribute('aria-label') ?? '').trim();
  // A labelable element's <label for> or wrapping <label> (a form's switch is a button).
  const labelName = (el) => Array.from(el.labels ?? []).some((l) => l.textContent.trim() || ariaName(l));
  // An Ant Design icon labelled with its own glyph's name (<span role="img" aria-label="search"
  // class="anticon anticon-search">): an English file name, never translated, not what the
  // button does. It names nothing; an icon given a label of the page's (through i18n) does.
  const glyphName = (n) => n.classList.contains('anticon') && n.classList.contains(`anticon-${n.getAttribute('aria-label')}`);
  // A name from content: text, and the names of the visible children.
  const contentName = (el) => {
    let text = '';
    for (const n of el.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
      else if (n.nodeType !== Node.ELEMENT_NODE || hidden(n) || glyphName(n)) continue;
      else if (n.tagName === 'IMG') text += n.getAttribute('alt') ?? '';
      else text += ariaName(n) || contentName(n);
    }
    return text.trim();
  };
  // In the tab order: a native control, or a tabindex of 0 or more (el.tabIndex alone will not
  // do: Chromium answers 0 for an <a> without href, which Tab passes by).
  const focusable = (el) =>
    !el.disabled && (el.matches('a[href], button, input, select, textarea, summary') || (el.hasAttribute('tabindex') && el.tabIndex >= 0));

  for (const el of document.querySelectorAll('button, [role=button], input[type=button], input[type=submit], input[type=reset], a[href], [role=link]')) {
    if (hidden(el)) continue;
    const value = el.tagName === 'INPUT' ? (el.value ?? '').trim() : '';
    if (!(ariaName(el) || labelName(el) || contentName(el) || value || (el.getAttribute('title') ?? '').trim())) {
      problems.push({ what: 'no accessible name (text, aria-label, aria-labelledby, a label or title)', element: short(el) });
    }
    if (el.matches('[role=button], [role=link]') && !el.matches('button, input, a[href]') && !focusable(el) && el.getAttribute('aria-disabled') !== 'true') {
      problems.push({ what: `role=${el.getAttribute('role')} but not focusable (no tabindex >= 0)`, element: short(el) });
    }
  }
  // An <a> without href is no link: the keyboard passes it by, unless an element around it in the
  // tab order takes the keys for it (Ant Design's pager: <li tabindex="0"><a>2</a></li>).
  for (const el of document.querySelectorAll('a:not([href])')) {
    if (hidden(el) || el.hasAttribute('role') || !contentName(el) || focusable(el)) continue;
    if (!el.parentElement?.closest('a[href], button, [tabindex]:not([tabindex="-1"])')) {
      problems.push({ what: 'an <a> without href, which the keyboard cannot reach (a button, or a link with href)', element: short(el) });
    }
  }
  const controls = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]), select, textarea, [role=combobox]';
  for (const el of document.querySelectorAll(controls)) {
    if (hidden(el)) continue;
    if (!(ariaName(el) || labelName(el))) problems.push({ what: 'a form control with no label (label[for], a wrapping label, aria-label or aria-labelledby)', element: short(el) });
  }
  for (const el of document.querySelectorAll('img:not([alt])')) {
    if (!hidden(el)) problems.push({ what: 'an img without alt', element: short(el) });
  }
  // An ECharts container (a canvas) says what it shows as an image with a label.
  for (const el of document.querySelectorAll('[_echarts_instance_]')) {
    if (hidden(el)) continue;
    if (el.getAttribute('role') !== 'img' || !ariaName(el)) problems.push({ what: 'a chart without role="img" and an aria-label', element: short(el) });
  }
  return problems;
}

/** The page's problems as lines naming `where` (the user and the path). */
export async function a11yProblems(page, where) {
  const found = await page.evaluate(audit);
  return found.map((p) => `a11y ${where}: ${p.what}: ${p.element}`);
}
