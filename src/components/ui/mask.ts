import { useEffect } from 'react';

let open = 0;

/**
 * While a sheet or dialog is open, H5's navigation bar (drawn by Taro's router outside the page,
 * so no mask inside the page can cover it) is dimmed and ignores taps, like the rest of the page.
 */
export function useMaskedNavBar(active = true): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !active) return;
    open += 1;
    document.body.classList.add('ui-masked');
    return () => {
      open -= 1;
      if (open === 0) document.body.classList.remove('ui-masked');
    };
  }, [active]);
}
