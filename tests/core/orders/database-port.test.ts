import { describeDatabasePortContract } from '../support/database-port.contract';
import { MemoryDatabase } from '../support/memory-database';

describeDatabasePortContract('in-memory double', () => new MemoryDatabase());
