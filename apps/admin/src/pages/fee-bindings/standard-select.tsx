import { Select } from 'antd';
import type { FeeStandard } from '../../api/fee-standards';
import { useFeeStandardOptions } from '../../api/fee-standards';
import { useT } from '../../i18n';
import { labelOf } from '../../lib/resource-labels';

interface StandardSelectProps {
  projectId: number | undefined;
  value?: number;
  onChange?: (id: number | undefined, standard?: FeeStandard) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** An active charging standard of the project, shown as `物业费 / 住宅物业费（面积×单价）`. */
export function StandardSelect(props: StandardSelectProps) {
  const { projectId, value, onChange, id, allowClear, placeholder, style } = props;
  const t = useT();
  const standards = useFeeStandardOptions(projectId);
  const items = standards.data?.items ?? [];

  return (
    <Select
      id={id}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder}
      style={style}
      showSearch
      optionFilterProp="label"
      loading={standards.isFetching}
      onChange={(next: number | undefined) =>
        onChange?.(
          next,
          items.find((standard) => standard.id === next),
        )
      }
      options={items.map((standard) => ({
        value: standard.id,
        label: `${standard.feeItemName} / ${standard.name}（${labelOf(t, 'fees.method', standard.method)}）`,
      }))}
    />
  );
}
