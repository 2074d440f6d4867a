// The ESM view of bulwark/express-validator's types: named imports.
import { body, checkSchema, validationResult, matchedData, type ValidationChain } from 'bulwark/express-validator';

const chain: ValidationChain = body('email').isEmail().normalizeEmail();
const schema = checkSchema({ age: { isInt: { options: { min: 0 } }, toInt: true } });
async function run(req: { body: unknown }): Promise<boolean> {
  await chain.run(req);
  await schema.run(req);
  const data: Record<string, unknown> = matchedData(req);
  void data;
  return validationResult(req).isEmpty();
}
body('tax').isTaxID('de-DE');
// @ts-expect-error: locales are checked
body('tax').isTaxID('de');
body('passport').isPassportNumber('US').isMobilePhone('any', { strictMode: true });
body('card').isCreditCard({ provider: 'visa' }).isISBN(13).isIMEI({ allow_hyphens: true });
void run;
