import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';

export interface ListColumn {
  /** The field of one row: `floorFrom`. */
  name: string;
  title: string;
  /** Of 24 grid columns; the delete button takes 2. */
  span: number;
  input: ReactNode;
  rules?: Rule[];
}

interface ListEditorProps {
  /** Where the rows live in the form: `['parameters', 'bands']`. */
  name: (string | number)[];
  columns: ListColumn[];
  /** The values of an added row. */
  newRow: Record<string, unknown>;
  addLabel: string;
  min?: number;
  max: number;
}

/**
 * Rows of a few fields each (floor bands, tiers, time bands) with a header, add and delete. Each
 * field's name is `[...name, index, column]`, the path the server names in a refusal, so its
 * message lands on the cell.
 */
export function ListEditor({ name, columns, newRow, addLabel, min = 0, max }: ListEditorProps) {
  const t = useT();

  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div>
          <Row gutter={8} style={{ marginBottom: 4 }}>
            {columns.map((column) => (
              <Col key={column.name} span={column.span}>
                <Typography.Text type="secondary">{column.title}</Typography.Text>
              </Col>
            ))}
          </Row>
          {rows.map((row) => (
            <Row key={row.key} gutter={8}>
              {columns.map((column) => (
                <Col key={column.name} span={column.span}>
                  <Form.Item
                    name={[row.name, column.name]}
                    rules={column.rules}
                    style={{ marginBottom: 8 }}
                  >
                    {column.input}
                  </Form.Item>
                </Col>
              ))}
              <Col span={2}>
                <Button
                  type="text"
                  aria-label={t('common.delete')}
                  icon={<DeleteOutlined />}
                  disabled={rows.length <= min}
                  onClick={() => remove(row.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            disabled={rows.length >= max}
            onClick={() => add(newRow)}
            style={{ marginBottom: 16 }}
          >
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
