import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as data from '@/demo/data';
import { startDemoServer, type DemoServer } from '@/demo/server';
import { customers } from './fixtures';

vi.mock('@/demo/data', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/demo/data')>();
  return { ...actual, loadShoppers: vi.fn(actual.loadShoppers) };
});

describe('demo server start-up', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0, customers: customers() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the CDNOW log on the first shoppers request, once, not at start', async () => {
    expect(data.loadShoppers).not.toHaveBeenCalled();
    expect((await fetch(`${server.url}/api/customers?size=25`)).status).toBe(200);
    expect(data.loadShoppers).not.toHaveBeenCalled();
    expect((await fetch(`${server.url}/shoppers/1`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/shoppers?size=25`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/shoppers/export.csv`)).status).toBe(200);
    expect(data.loadShoppers).toHaveBeenCalledTimes(1);
  });
});
