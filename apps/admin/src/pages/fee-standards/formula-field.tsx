import { Form, Input, Space, Tag, Typography } from 'antd';
import { useRules } from '../../components/form-fields';
import { type MessageKey, useT } from '../../i18n';
import { FORMULA_FUNCTIONS, FORMULA_VARIABLES } from '../../lib/fee-labels';

const NAME = ['parameters', 'formula'];

/**
 * 自定义公式: the formula, with the variables and functions it may use; a click adds one. The
 * server checks the formula on save and its refusal (with the position) lands on this field.
 */
export function FormulaField() {
  const t = useT();
  const rules = useRules();
  const form = Form.useFormInstance();

  const append = (text: string) => {
    const current = (form.getFieldValue(NAME) as string | undefined) ?? '';
    form.setFieldValue(NAME, current.trim() ? `${current.trimEnd()} ${text}` : text);
  };

  return (
    <>
      <Form.Item
        name={NAME}
        label={t('standard.formula')}
        rules={rules.required(t('standard.formula'))}
        extra={t('standard.formulaHint')}
      >
        <Input.TextArea rows={3} maxLength={500} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Space direction="vertical" size={8} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Text type="secondary">{t('standard.formulaVariables')}：</Typography.Text>
          <Space size={[4, 4]} wrap>
            {FORMULA_VARIABLES.map((name) => (
              <Tag
                key={name}
                color="blue"
                style={{ cursor: 'pointer' }}
                onClick={() => append(name)}
              >
                <code>{name}</code> {t(`standard.variable.${name}` as MessageKey)}
              </Tag>
            ))}
          </Space>
        </div>
        <div>
          <Typography.Text type="secondary">{t('standard.formulaFunctions')}：</Typography.Text>
          <Space size={[4, 4]} wrap>
            {FORMULA_FUNCTIONS.map((name) => (
              <Tag key={name} style={{ cursor: 'pointer' }} onClick={() => append(`${name}()`)}>
                <code>{name}()</code>
              </Tag>
            ))}
          </Space>
        </div>
      </Space>
    </>
  );
}
