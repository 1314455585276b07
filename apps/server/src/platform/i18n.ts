export type Locale = 'zh-CN' | 'en-US';

type Catalogue = Record<string, string>;

const zhCN: Catalogue = {
  'error.VALIDATION_FAILED': '请求参数有误：{fields}',
  'error.WRONG_PASSWORD': '原密码不正确',
  'error.UNAUTHENTICATED': '请先登录',
  'error.INVALID_CREDENTIALS': '用户名或密码错误',
  'error.FORBIDDEN': '没有执行此操作的权限',
  'error.ACCOUNT_DISABLED': '账号已停用',
  'error.LOGIN_CHANNEL_NOT_ALLOWED': '该账号未开通{channel}登录',
  'error.NOT_FOUND': '{entity}不存在',
  'error.ROUTE_NOT_FOUND': '接口不存在',
  'error.ALREADY_EXISTS': '{field}已被使用',
  'error.IN_USE': '{entity}仍在使用中，不能删除',
  'error.IDEMPOTENCY_KEY_REUSED': '该幂等键已用于另一个请求',
  'error.CONFLICT': '数据已被修改，请刷新后重试',
  'error.PAYLOAD_TOO_LARGE': '请求内容过大',
  'error.UNSUPPORTED_MEDIA_TYPE': '不支持的请求格式',
  'error.ACCOUNT_LOCKED': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
  'error.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'error.INTERNAL_ERROR': '服务器内部错误，请联系管理员（请求号 {requestId}）',
  'error.SERVICE_UNAVAILABLE': '服务暂不可用',
  'channel.console': '电脑端',
  'channel.app': 'APP',
  'entity.company': '公司',
  'entity.project': '项目',
  'entity.department': '部门',
  'entity.employee': '员工',
  'entity.session': '登录会话',
  'entity.resource': '资源',
  'entity.record': '记录',
  'entity.person': '人员',
  'entity.vehicle': '车辆',
  'entity.resource_person': '住户关联',
  'validation.required': '必填',
  'validation.invalid_type': '类型不正确，应为{expected}',
  'validation.too_small.string': '至少 {minimum} 个字符',
  'validation.too_big.string': '最多 {maximum} 个字符',
  'validation.too_small.number': '不能小于 {minimum}',
  'validation.too_big.number': '不能大于 {maximum}',
  'validation.too_small.array': '至少 {minimum} 项',
  'validation.too_big.array': '最多 {maximum} 项',
  'validation.invalid_format': '格式不正确',
  'validation.invalid_value': '取值必须是以下之一：{options}',
  'validation.unrecognized_keys': '不允许的字段',
  'validation.invalid': '取值无效',
  'validation.taken': '已被使用',
  'validation.phone': '手机号格式不正确',
  'validation.code': '只能包含字母、数字、- 和 _',
  'validation.decimal': '应为最多 {scale} 位小数的数字',
  'validation.date': '日期格式应为 YYYY-MM-DD',
  'validation.password': '密码至少 8 位，且同时包含字母和数字',
  'validation.unknown_permission': '未知的权限：{code}',
  'validation.unknown_project': '项目不存在',
  'validation.unknown_department': '部门不存在',
  'validation.parent_cycle': '不能把部门移到它自己或下级部门之下',
  'validation.plate': '车牌号格式不正确',
  'validation.id_number': '证件号码不正确',
  'validation.duplicate': '重复',
  'validation.unknown_person': '人员不存在',
  'validation.unknown_parking_space': '车位不存在',
  'validation.person_other_project': '该人员登记在其他项目',
  'validation.relation_family_only': '只有家庭成员填写与业主的关系',
  'validation.already_linked': '该人员当前已关联此资源',
  'validation.end_before_link_start': '结束日期不能早于关联的开始日期',
  'validation.link_starts_after': '有关联的开始日期晚于此日期',
  'validation.status_for_kind': '此类资源的状态只能是：{options}',
  'validation.duplicate_in_file': '文件中已有相同的编号（重复行）',
  'validation.unknown_resource': '本项目没有这个编号',
  'entity.job': '任务',
  'validation.end_before_start': '结束不能早于开始',
  'validation.inner_area_too_big': '套内面积不能大于建筑面积',
  'validation.unknown_building': '楼栋不存在或不属于该项目',
  'validation.unknown_unit': '单元不存在或不属于该楼栋',
  'validation.unknown_parking_lot': '停车场不存在或不属于该项目',
  'validation.template_unit_without_units': '未设置单元数时编号模板不能包含 {unit}',
  'validation.template_needs_room': '编号模板必须包含 {room}',
  'validation.template_not_unique': '编号模板生成了重复的编号，请加入楼栋、单元或楼层',
  'validation.batch_too_large': '一次最多生成 {maximum} 间房屋',
  'entity.building': '楼栋',
  'entity.parking_lot': '停车场',
  'type.string': '文本',
  'type.number': '数字',
  'type.int': '整数',
  'type.boolean': '是/否',
  'type.array': '列表',
  'type.object': '对象',
};

const enUS: Catalogue = {
  'error.VALIDATION_FAILED': 'Invalid request: {fields}',
  'error.WRONG_PASSWORD': 'The current password is wrong',
  'error.UNAUTHENTICATED': 'Please sign in',
  'error.INVALID_CREDENTIALS': 'Wrong username or password',
  'error.FORBIDDEN': 'You do not have permission to do this',
  'error.ACCOUNT_DISABLED': 'This account is disabled',
  'error.LOGIN_CHANNEL_NOT_ALLOWED': 'This account may not sign in to the {channel}',
  'error.NOT_FOUND': '{entity} not found',
  'error.ROUTE_NOT_FOUND': 'No such endpoint',
  'error.ALREADY_EXISTS': '{field} is already taken',
  'error.IN_USE': 'The {entity} is still in use and cannot be deleted',
  'error.IDEMPOTENCY_KEY_REUSED': 'This idempotency key was used for another request',
  'error.CONFLICT': 'The data changed meanwhile; reload and try again',
  'error.PAYLOAD_TOO_LARGE': 'The request is too large',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Unsupported request format',
  'error.ACCOUNT_LOCKED': 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  'error.RATE_LIMITED': 'Too many requests; please wait a moment',
  'error.INTERNAL_ERROR': 'Internal server error; tell the administrator request id {requestId}',
  'error.SERVICE_UNAVAILABLE': 'Service unavailable',
  'channel.console': 'console',
  'channel.app': 'app',
  'entity.company': 'Company',
  'entity.project': 'Project',
  'entity.department': 'Department',
  'entity.employee': 'Employee',
  'entity.session': 'Session',
  'entity.resource': 'Resource',
  'entity.record': 'Record',
  'entity.person': 'Person',
  'entity.vehicle': 'Vehicle',
  'entity.resource_person': 'Resident link',
  'validation.required': 'is required',
  'validation.invalid_type': 'must be a {expected}',
  'validation.too_small.string': 'must have at least {minimum} characters',
  'validation.too_big.string': 'must have at most {maximum} characters',
  'validation.too_small.number': 'must be at least {minimum}',
  'validation.too_big.number': 'must be at most {maximum}',
  'validation.too_small.array': 'must have at least {minimum} items',
  'validation.too_big.array': 'must have at most {maximum} items',
  'validation.invalid_format': 'has the wrong format',
  'validation.invalid_value': 'must be one of: {options}',
  'validation.unrecognized_keys': 'is not an allowed field',
  'validation.invalid': 'is invalid',
  'validation.taken': 'is already taken',
  'validation.phone': 'is not a valid mobile number',
  'validation.code': 'may contain only letters, digits, - and _',
  'validation.decimal': 'must be a number with at most {scale} decimals',
  'validation.date': 'must be a date as YYYY-MM-DD',
  'validation.password': 'must have at least 8 characters with letters and digits',
  'validation.unknown_permission': 'unknown permission: {code}',
  'validation.unknown_project': 'no such project',
  'validation.unknown_department': 'no such department',
  'validation.parent_cycle': 'a department cannot move under itself or its descendants',
  'validation.plate': 'is not a valid licence plate',
  'validation.id_number': 'is not a valid ID number',
  'validation.duplicate': 'is listed twice',
  'validation.unknown_person': 'no such person',
  'validation.unknown_parking_space': 'no such parking space',
  'validation.person_other_project': 'the person is registered in another project',
  'validation.relation_family_only': 'only family members have a relation to the owner',
  'validation.already_linked': 'the person is already linked to this resource',
  'validation.end_before_link_start': 'must not be before the start date of the link',
  'validation.link_starts_after': 'a link to end starts after this date',
  'validation.status_for_kind': 'must be one of: {options}',
  'validation.duplicate_in_file': 'appears twice in the file',
  'validation.unknown_resource': 'no such code in this project',
  'entity.job': 'Job',
  'validation.end_before_start': 'cannot be before the start',
  'validation.inner_area_too_big': 'cannot be larger than the building area',
  'validation.unknown_building': 'no such building in this project',
  'validation.unknown_unit': 'no such unit in this building',
  'validation.unknown_parking_lot': 'no such parking lot in this project',
  'validation.template_unit_without_units': 'cannot use {unit} when no units are created',
  'validation.template_needs_room': 'must contain {room}',
  'validation.template_not_unique': 'gives the same code twice; add the building, unit or floor',
  'validation.batch_too_large': 'at most {maximum} rooms at a time',
  'entity.building': 'Building',
  'entity.parking_lot': 'Parking lot',
  'type.string': 'text',
  'type.number': 'number',
  'type.int': 'whole number',
  'type.boolean': 'yes/no value',
  'type.array': 'list',
  'type.object': 'object',
};

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Picks the caller's language from Accept-Language; Chinese unless English is asked for first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();

  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function hasMessage(key: string): boolean {
  return key in zhCN;
}

/** Translates a key, filling `{name}` placeholders; an unknown key comes back as it is. */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key] ?? key;

  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const nested = catalogues[locale][`${name}.${value}`] ?? catalogues[locale][String(value)];

    return nested ?? String(value);
  });
}

/** Makes sure both languages carry the same keys; used by a test. */
export function catalogueKeys(): { zh: string[]; en: string[] } {
  return { zh: Object.keys(zhCN).sort(), en: Object.keys(enUS).sort() };
}
