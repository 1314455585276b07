import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import { compactQuery } from './format';

/**
 * Filters and paging of a server-side list: the query to send and the table's pagination.
 * Applying new filters goes back to page 1.
 */
export function useListState<F extends Record<string, unknown>>(initial: F) {
  const t = useT();
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const apply = (next: F) => {
    setFilters(next);
    setPage(1);
  };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showQuickJumper: true,
    showTotal: (count) => t('common.total', { total: count }),
    onChange: (nextPage, nextSize) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  });

  const filterQuery = compactQuery(filters);
  const query = { ...filterQuery, page, pageSize };

  return { filters, filterQuery, query, apply, pagination };
}
