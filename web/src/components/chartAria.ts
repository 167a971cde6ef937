// A chart's words for screen readers. The options enable ECharts' aria, which writes its own
// description over the container's aria-label ("这是一个图表…" with raw values, in ECharts' own
// language, not the console's): given `label.description`, it writes ours, the page's summary
// through i18n.
export function withAriaLabel<O extends object>(option: O, description: string): O {
  const aria = ((option as { aria?: { label?: object } }).aria ?? {}) as { label?: object };
  return { ...option, aria: { ...aria, enabled: true, label: { ...aria.label, description } } };
}
