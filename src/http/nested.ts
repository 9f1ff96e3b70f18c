import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/**
 * A field holding one object of a DTO. `@ValidateNested` alone validates an array's members instead, so an
 * array in its place would pass (and `[{…}]` be read as `{"0": {…}}`).
 */
export const NestedObject = (dto: () => DtoClass) => applyDecorators(IsObject(), ValidateNested(), Type(dto));

/** A field holding an array of a DTO's objects, each one an object (not an array of them). */
export const NestedArray = (dto: () => DtoClass) => applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(dto));
