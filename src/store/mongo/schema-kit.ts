// Small helpers for the store's mongoose schemas: field lists checked against the domain's types at compile time,
// values never cast from another type (a number is not silently turned into a ticket), and texts that may be empty.
import mongoose, { type Schema as SchemaT, type SchemaDefinition } from 'mongoose';

const { Schema } = mongoose;

/**
 * A schema's fields for the domain type T: every field of T must be listed, and nothing else, so adding a field to
 * the domain fails the typecheck here until the store knows how to check it.
 */
export function fieldsOf<T>() {
  return <D extends { [K in keyof Required<T>]: unknown }>(
    def: D & Record<Exclude<keyof D, keyof T>, never>,
  ): SchemaDefinition => def as SchemaDefinition;
}

/**
 * The values of a union type T, listed once here and checked both ways at compile time (for the domain's small
 * unions that have no list of their own; the main ones, stages, channels, labels, come from the domain).
 */
export function valuesOf<T extends string>() {
  return <const A extends readonly T[]>(
    list: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> }),
  ) => list as readonly string[];
}

/** Options of a record kept inside a store document: no _id of its own, empty objects kept, fields as the domain has. */
/**
 * A top-level collection: no version key, empty objects kept, a field the schema does not know is an error rather
 * than silently dropped, and no index made by mongoose (migrations.ts makes them).
 */
export const collectionOptions = (collection: string) => ({
  collection,
  versionKey: false as const,
  minimize: false,
  strict: 'throw' as const,
  autoIndex: false,
  autoCreate: false,
});

export const nested = { _id: false, minimize: false, versionKey: false as const };

/** Text as written, never cast from another type; `required` means present (the empty string is text too). */
export const text = (required = false) => ({ type: String, cast: false as const, ...(required ? { required } : {}) });
/** An identifier: a non-empty string of at most `max` characters. */
export const id = (max = 200) => ({
  type: String,
  cast: false as const,
  required: true,
  minlength: 1,
  maxlength: max,
});
/** An optional identifier. */
export const optionalId = (max = 200) => ({ type: String, cast: false as const, minlength: 1, maxlength: max });
/** One of `values`. */
export const oneOf = (values: readonly string[], required = true) => ({
  type: String,
  cast: false as const,
  enum: values as string[],
  ...(required ? { required } : {}),
});
/** A time in milliseconds since 1970 (never negative). */
export const time = (required = true) => ({
  type: Number,
  cast: false as const,
  min: 0,
  ...(required ? { required } : {}),
});
/** A whole number within bounds. */
export const count = (required = true, min = 0, max = Number.MAX_SAFE_INTEGER) => ({
  type: Number,
  cast: false as const,
  min,
  max,
  validate: { validator: Number.isInteger, message: 'Path `{PATH}` must be a whole number (got {VALUE}).' },
  ...(required ? { required } : {}),
});
/** A number within bounds (a score, a coordinate). */
export const number = (min: number, max: number, required = true) => ({
  type: Number,
  cast: false as const,
  min,
  max,
  ...(required ? { required } : {}),
});
export const flag = (required = true) => ({ type: Boolean, cast: false as const, ...(required ? { required } : {}) });
/** An optional list: absent stays absent (mongoose would otherwise store an empty one). */
export const optionalList = (of: unknown) => ({ type: [of], default: undefined });
/** A list the domain always has (possibly empty). */
export const list = (of: unknown) => ({ type: [of], required: true });

/**
 * Marks text paths that must be present but may be empty (mongoose's `required` refuses ''): a citizen may send
 * only a photo, a staff note may be blank.
 */
export function allowEmpty(schema: SchemaT, ...paths: string[]): void {
  for (const p of paths) {
    const type = schema.path(p);
    if (!type) throw new Error(`schema has no path ${p}`);
    // An instance's own check, read by mongoose's required validator (SchemaType#checkRequired).
    (type as unknown as { checkRequired: (v: unknown) => boolean }).checkRequired = (v) => typeof v === 'string';
  }
}

/** A nested record's schema. */
export function record(def: SchemaDefinition, extra: Partial<mongoose.SchemaOptions> = {}): SchemaT {
  return new Schema(def, { ...nested, ...extra });
}
