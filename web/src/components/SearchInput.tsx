// Input.Search with its icon-only parts named through i18n: the search button (搜索; Ant Design
// leaves it to the glyph's English name) and, with allowClear, the clear icon (清除).
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, type GetProps } from 'antd';
import { useT } from '../i18n';
import { namedClear } from './a11y';

export type SearchInputProps = GetProps<typeof Input.Search>;

export default function SearchInput({ allowClear, enterButton, ...props }: SearchInputProps) {
  const t = useT();
  return (
    <Input.Search
      {...props}
      allowClear={allowClear === true ? namedClear(t) : allowClear}
      enterButton={enterButton ?? <Button icon={<SearchOutlined />} aria-label={t('common.search')} />}
    />
  );
}
