/** The console function's variables as the stack gives them (fictional account, pool and domain). */
export const CONSOLE_ENVIRONMENT = {
  TABLE_NAME: 'council-audit',
  CONSOLE_URL: 'https://audit.harbourne-tc.example',
  CONSOLE_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:console-AbCdEf',
  CONSOLE_ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:console-origin-GhIjKl',
  COGNITO_USER_POOL_ID: 'eu-west-2_Harbourne1',
  COGNITO_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Harbourne1',
  COGNITO_CLIENT_ID: '1example23456789abcdefghij',
  COGNITO_DOMAIN: 'https://council-audit-111111111111.auth.eu-west-2.amazoncognito.com',
  CONSOLE_STYLESHEET: '/assets/console-0123456789ab.css',
  CONSOLE_SCRIPT: '/assets/init-0123456789ab.js',
  REPORTS_BUCKET: 'council-audit-reports-111111111111',
};
