import type { Command } from 'commander';
import {
  deleteLicence,
  deletePledge,
  listLicences,
  listPledges,
  listServicePoints,
  putLicence,
  putPledge,
  putServicePoint,
} from '../../prisma/registry-admin.js';
import { LicenceBody, PledgeBody, registryCodeSchema, ServicePointBody } from '../../api/schemas/registry.js';
import type { Licence, Pledge, ServicePoint } from '../../domain/registry-rules.js';
import { changeLine, jsonBody, parsed, type AdminContext } from './context.js';
import { bodyOptions, field, flag, print, shown } from './reference-commands.js';

/**
 * The carrier registry (issue 15): licences and notifications, service points, pledges, with the
 * API's validation (the bodies of PUT /v1/reference/…) and its change log.
 */
export function registryCommands(program: Command, ctx: AdminContext): void {
  const code = (v: unknown, name: string) => parsed(registryCodeSchema, v, flag(name));

  bodyOptions(
    program
      .command('put-licence')
      .description('records or corrects a licence or notification of postal activity (the body of PUT /v1/reference/licences/{id})')
      .requiredOption('--id <id>', 'the licence'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const id = code(o.id, 'id');
      const input = parsed(LicenceBody, jsonBody(o), field);
      console.log(
        changeLine(`licence ${id}`, await ctx.change('CarrierLicence', id, () => putLicence(db, ctx.operator, id, input)), shown),
      );
    }),
  );

  program
    .command('delete-licence')
    .description('removes a licence recorded in error (one that ended is corrected with its validTo)')
    .requiredOption('--id <id>', 'the licence')
    .action((o) =>
      ctx.withDb(async (db) => {
        const id = code(o.id, 'id');
        const { change } = await ctx.change('CarrierLicence', id, () => deleteLicence(db, ctx.operator, id));
        console.log(`licence ${id}: removed (change ${change?.id})`);
      }),
    );

  program
    .command('list-licences')
    .description('lists the licences and notifications')
    .option('--carrier <id>', 'only this carrier')
    .action((o) =>
      ctx.withDb(async (db) =>
        print(await listLicences(db, o.carrier ? { carrierId: o.carrier } : {}), (l: Licence) =>
          [l.id, l.carrierId, l.kind, l.number, l.issuedOn, l.validTo ?? 'no end', l.scope].join('  '),
        ),
      ),
    );

  bodyOptions(
    program
      .command('put-service-point')
      .description('registers or corrects a service point (the body of PUT /v1/reference/service-points/{carrier}/{code})')
      .requiredOption('--carrier <id>', 'the carrier')
      .requiredOption('--code <code>', 'the point, as the carrier reports it'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const [carrier, point] = [code(o.carrier, 'carrier'), code(o.code, 'code')];
      const input = parsed(ServicePointBody, jsonBody(o), field);
      const key = `${carrier}/${point}`;
      console.log(
        changeLine(
          `service point ${key}`,
          await ctx.change('ServicePoint', key, () => putServicePoint(db, ctx.operator, carrier, point, input)),
          shown,
        ),
      );
    }),
  );

  program
    .command('list-service-points')
    .description('lists the registered service points')
    .option('--carrier <id>', 'only this carrier')
    .option('--province <code>', 'only this province')
    .action((o) =>
      ctx.withDb(async (db) =>
        print(
          await listServicePoints(db, {
            ...(o.carrier ? { carrierId: o.carrier } : {}),
            ...(o.province ? { provinceCode: o.province } : {}),
          }),
          (p: ServicePoint) =>
            [
              `${p.carrierId}/${p.code}`,
              p.provinceCode,
              p.name,
              p.communeLevel ? 'commune-level' : '',
              p.remote ? 'remote' : '',
              p.validTo ? `closed ${p.validTo}` : '',
            ]
              .filter(Boolean)
              .join('  '),
        ),
      ),
    );

  bodyOptions(
    program
      .command('put-pledge')
      .description('records or corrects a pledge (the body of PUT /v1/reference/pledges/{id})')
      .requiredOption('--id <id>', 'the pledge'),
  ).action((o) =>
    ctx.withDb(async (db) => {
      const id = code(o.id, 'id');
      const input = parsed(PledgeBody, jsonBody(o), field);
      console.log(
        changeLine(`pledge ${id}`, await ctx.change('Pledge', id, () => putPledge(db, ctx.operator, id, input, new Date())), shown),
      );
    }),
  );

  program
    .command('delete-pledge')
    .description('removes a pledge recorded in error')
    .requiredOption('--id <id>', 'the pledge')
    .action((o) =>
      ctx.withDb(async (db) => {
        const id = code(o.id, 'id');
        const { change } = await ctx.change('Pledge', id, () => deletePledge(db, ctx.operator, id));
        console.log(`pledge ${id}: removed (change ${change?.id})`);
      }),
    );

  program
    .command('list-pledges')
    .description('lists the pledges and the points each covers')
    .option('--carrier <id>', 'only this carrier')
    .action((o) =>
      ctx.withDb(async (db) =>
        print(await listPledges(db, o.carrier ? { carrierId: o.carrier } : {}), (p: Pledge) =>
          [p.id, p.carrierId, p.signedOn, p.documentRef, `${p.servicePoints.length} point(s)`].join('  '),
        ),
      ),
    );
}
