export { Price } from '../Price';
