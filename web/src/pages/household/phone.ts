// The household's own pages open from a WeChat link on a phone: the page container keeps a
// narrow margin instead of ProLayout's 40 px, so a 390 px screen has room for the chart and days.
export const PHONE_TOKEN = { paddingInlinePageContainerContent: 8, paddingBlockPageContainerContent: 8 };
