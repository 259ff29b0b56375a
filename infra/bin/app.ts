#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildCouncilAudit } from '../council-audit';

const app = new App();
buildCouncilAudit(app);
app.synth();
