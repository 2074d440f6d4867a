// bulwark/express-validator's types: express-validator code type-checks unchanged, and a
// validator Bulwark lacks is a compile error (as it is an error at runtime).
import ev = require('bulwark/express-validator');

const chains = [
  ev.body('email').trim().isEmail({ allow_display_name: false }).withMessage('Enter an email').normalizeEmail(),
  ev.body('age').optional({ values: 'null' }).isInt({ min: 0 }).toInt(),
  ev.body('items.*.name').exists().isString().isLength({ max: 20 }).escape(),
  ev.query('q').optional().isIn(['a', 'b']).bail({ level: 'request' }),
  ev.header('x-token').isJWT(),
  ev.body('phone').isMobilePhone(['de-DE', 'fr-FR'], { strictMode: true }).isPostalCode('any'),
  ev.body('vat').isVAT('DE').isISO31661Alpha2(),
  ev.body('id').isIdentityCard('zh-CN').isIdentityCard('any').isIdentityCard(),
  ev.body('password').custom((value: unknown, { req }) => value === req.body.confirmation),
  ev.body('n').if(ev.body('kind').equals('number')).isFloat().toFloat(),
];
const schema = ev.checkSchema({
  email: { in: ['body'], isEmail: { errorMessage: 'bad' }, normalizeEmail: true },
  age: { optional: { options: { nullable: true } }, isInt: { options: { min: 0 } } },
  nick: { isNick: { custom: (v: unknown) => typeof v === 'string' } },
});
const either = ev.oneOf([ev.body('a').isInt(), [ev.body('b').isInt(), ev.body('c').isInt()]], { errorType: 'flat' });
const exact = ev.checkExact([ev.body('a'), ev.body('b')], { locations: ['body'] });

async function handler(req: { body: { confirmation: string } }): Promise<string[]> {
  for (const chain of chains) await chain.run(req);
  await schema.run(req);
  await either.run(req);
  await exact.run(req);
  const result = ev.validationResult(req);
  const data: Record<string, unknown> = ev.matchedData(req, { onlyValidData: true, locations: ['body'] });
  void data;
  for (const error of result.array()) {
    if (error.type === 'field') {
      const where: string = `${error.location}:${error.path}`;
      void where;
    }
  }
  return result.formatWith((e) => String(e.msg)).array();
}

const custom = new ev.ExpressValidator({ isAbc: (v: unknown) => v === 'abc' }, { shout: (v: unknown) => `${v}!` });
custom.body('x').isAbc().shout().isLength({ max: 5 });

ev.body('tax').isTaxID('en-US').isTaxID();
// @ts-expect-error: locales are checked
ev.body('tax').isTaxID('xx-XX');
// @ts-expect-error: options are checked
ev.body('n').isInt({ minimum: 1 });
void [handler];
