import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../../http/problem.ts';
import { LIST_NAMES, type ListName } from '../domain/settings.events.ts';

/** The `:list` of a settings route: an unknown one is a 400 naming the field and the lists there are. */
@Injectable()
export class ListNamePipe implements PipeTransform<string, ListName> {
  transform(value: string): ListName {
    const list = LIST_NAMES.find((name) => name === value);
    if (!list) throw new ValidationFailed([{ field: 'list', message: `list must be one of: ${LIST_NAMES.join(', ')}` }]);
    return list;
  }
}
