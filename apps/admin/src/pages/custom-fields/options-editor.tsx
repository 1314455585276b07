import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import { useT } from '../../i18n';

/** The server's rule: separators and quotes would break import cells and stored JSON. */
const OPTION_TEXT = /^[^,，、;；"\\]+$/;

/**
 * The choices of a single or multiple choice field, one input each, in the order forms show
 * them. Refusals from the server on `options` show under the list.
 */
export function OptionsEditor() {
  const t = useT();

  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, options: string[] | undefined) => {
            const texts = (options ?? []).map((option) => (option ?? '').trim().toLowerCase());
            if (texts.length === 0) throw new Error(t('customField.optionsRequired'));
            if (new Set(texts).size !== texts.length) {
              throw new Error(t('customField.optionDuplicate'));
            }
          },
        },
      ]}
    >
      {(items, { add, remove }, { errors }) => (
        <Form.Item label={t('customField.options')} required>
          {items.map((item, index) => (
            <Space key={item.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item
                name={item.name}
                rules={[
                  { required: true, whitespace: true, message: t('customField.optionsRequired') },
                  { pattern: OPTION_TEXT, message: t('customField.optionFormat') },
                ]}
                style={{ marginBottom: 8 }}
              >
                <Input
                  maxLength={50}
                  placeholder={t('customField.optionPlaceholder', { n: index + 1 })}
                  style={{ width: 320 }}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(item.name)}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add('')}
            style={{ width: 320 }}
          >
            {t('customField.addOption')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
