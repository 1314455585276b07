import { useNavigate } from 'react-router';

/** Table rows that open the resource's detail page when clicked. */
export function useResourceRowProps() {
  const navigate = useNavigate();

  return (row: { id: number }) => ({
    onClick: () => void navigate(`/resources/${row.id}`),
    style: { cursor: 'pointer' },
  });
}
