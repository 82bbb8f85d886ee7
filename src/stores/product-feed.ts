import type { ProductCard } from '@core/contracts/catalog';
import { makeAutoObservable, runInAction } from 'mobx';
import { listProducts } from '../api/catalog';

/** A page's list of products: first page, more on scroll, a category filter, honest states. */
export class ProductFeed {
  items: ProductCard[] = [];
  category: string | undefined = undefined;
  loading = false;
  error = '';
  private cursor: string | null = null;
  done = false;
  private generation = 0;

  constructor() {
    makeAutoObservable(this);
  }

  get isEmpty() {
    return this.done && this.items.length === 0 && !this.error;
  }

  async reload(category: string | undefined = this.category) {
    this.generation++;
    this.category = category;
    this.items = [];
    this.cursor = null;
    this.done = false;
    this.loading = false;
    await this.loadMore();
  }

  async loadMore() {
    if (this.loading || this.done) return;
    const gen = this.generation;
    this.loading = true;
    this.error = '';
    const res = await listProducts({ ...(this.cursor ? { cursor: this.cursor } : {}), ...(this.category ? { category: this.category } : {}) });
    runInAction(() => {
      if (gen !== this.generation) return; // a newer reload (another category) won
      this.loading = false;
      if (!res.ok) {
        this.error = res.message;
        return;
      }
      this.items.push(...res.data.items);
      this.cursor = res.data.nextCursor;
      this.done = res.data.nextCursor === null;
    });
  }
}
