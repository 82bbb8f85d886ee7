import type { CodesPort } from '../ports';

type Cloud = {
  openapi: Record<string, Record<string, (args: unknown) => Promise<unknown>>>;
  uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
};

/** wxacode.getUnlimited (needs "wxacode.getUnlimited" in config.json permissions), kept in cloud storage. */
export function wxCodes(cloud: Cloud): CodesPort {
  return {
    async miniProgramCode({ scene, page }) {
      const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })) as { buffer: Buffer };
      const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${scene}.png`, fileContent: res.buffer });
      return fileID;
    },
  };
}
