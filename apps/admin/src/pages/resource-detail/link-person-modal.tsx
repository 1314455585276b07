import { Col, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useCreatePerson } from '../../api/people';
import {
  type FamilyRelation,
  type PersonRole,
  type ResourceDetail,
  useLinkPerson,
} from '../../api/resources';
import { DateField, blankToNull, toDate, useRules } from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { PersonSelect } from '../../components/person-select';
import { useT } from '../../i18n';
import { PERSON_ROLES, RELATIONS, labelledOptions } from '../../lib/resource-labels';

interface LinkForm {
  who: 'existing' | 'new';
  personId?: number;
  name?: string;
  mobile?: string;
  role: PersonRole;
  relation?: FamilyRelation | null;
  startDate: Dayjs;
}

interface LinkPersonModalProps {
  open: boolean;
  resource: ResourceDetail;
  onClose: () => void;
}

/** Links a person to the resource: one already registered, or one registered right here. */
export function LinkPersonModal({ open, resource, onClose }: LinkPersonModalProps) {
  const t = useT();
  const rules = useRules();
  const createPerson = useCreatePerson();
  const link = useLinkPerson();
  const initial = useMemo<Partial<LinkForm>>(
    () => ({ who: 'existing', role: 'owner', startDate: dayjs() }),
    [],
  );

  const submit = async (values: LinkForm) => {
    const personId =
      values.who === 'existing'
        ? (values.personId ?? 0)
        : (
            await createPerson.mutateAsync({
              projectId: resource.projectId,
              name: values.name ?? '',
              mobile: blankToNull(values.mobile),
            })
          ).id;

    return link.mutateAsync({
      resourceId: resource.id,
      body: {
        personId,
        role: values.role,
        relation: values.role === 'family' ? (values.relation ?? null) : null,
        startDate: toDate(values.startDate) ?? '',
      },
    });
  };

  return (
    <FormModal<LinkForm>
      open={open}
      name="link"
      width={560}
      title={t('link.title', { code: resource.code })}
      initialValues={initial}
      editing={false}
      saving={createPerson.isPending || link.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="who">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'existing', label: t('link.existing') },
            { value: 'new', label: t('link.new') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['who', 'role']}>
        {({ getFieldValue }) => (
          <Row gutter={16}>
            {getFieldValue('who') === 'existing' ? (
              <Col span={24}>
                <Form.Item
                  name="personId"
                  label={t('link.person')}
                  rules={rules.required(t('link.person'))}
                >
                  <PersonSelect projectId={resource.projectId} />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col span={12}>
                  <Form.Item
                    name="name"
                    label={t('person.name')}
                    rules={rules.required(t('person.name'))}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="mobile" label={t('person.mobile')}>
                    <Input maxLength={11} inputMode="tel" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col span={getFieldValue('role') === 'family' ? 8 : 12}>
              <Form.Item name="role" label={t('link.role')}>
                <Select options={labelledOptions(t, 'person.role', PERSON_ROLES)} />
              </Form.Item>
            </Col>
            {getFieldValue('role') === 'family' && (
              <Col span={8}>
                <Form.Item name="relation" label={t('link.relation')}>
                  <Select allowClear options={labelledOptions(t, 'person.relation', RELATIONS)} />
                </Form.Item>
              </Col>
            )}
            <Col span={getFieldValue('role') === 'family' ? 8 : 12}>
              <DateField name="startDate" label={t('link.startDate')} required />
            </Col>
          </Row>
        )}
      </Form.Item>
    </FormModal>
  );
}
