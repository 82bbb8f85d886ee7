// Sprout's own small component set (NutUI cost ~60 KB a page; these are a few KB in all).
// Import from here so the stylesheet comes along: import { Button, Cell } from '@/components/ui'.
import './ui.css';

export { ActionBar } from './ActionBar';
export { Button, type ButtonProps } from './Button';
export { Cell, CellGroup, type CellProps } from './Cell';
export { Dialog, type DialogProps } from './Dialog';
export { Empty } from './Empty';
export { Field, type FieldProps, TextAreaField, TextField, type TextFieldProps } from './Field';
export { ImageUpload } from './ImageUpload';
export { JoinedLine } from './JoinedLine';
export { Price } from './Price';
export { Sheet } from './Sheet';
export { Stepper } from './Stepper';
export { type TabItem, Tabs } from './Tabs';
export { Tag, type TagTone } from './Tag';
export { toast } from './toast';
