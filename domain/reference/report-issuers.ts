/**
 * Who issues a national report, and how provincial ones are headed: the national postal
 * authority (Vụ Bưu chính) under the Ministry of Science and Technology since the 2025 merger,
 * the provincial departments under their People's Committees. Names are data; the HTML letterhead
 * takes them from here and from the Agency table.
 */
export const NATIONAL_ISSUER = {
  parent: 'BỘ KHOA HỌC VÀ CÔNG NGHỆ',
  issuer: 'VỤ BƯU CHÍNH',
  abbreviation: 'VBC',
  place: 'Hà Nội',
  signerTitle: 'VỤ TRƯỞNG',
  recipients: ['Bộ trưởng (để báo cáo)', 'Ban Chỉ đạo 389 của Bộ', 'Sở Khoa học và Công nghệ các tỉnh, thành phố'],
};

/** The KT1 focal point's report (Cục Bưu điện Trung ương), restricted. */
export const KT1_ISSUER = {
  parent: 'BỘ KHOA HỌC VÀ CÔNG NGHỆ',
  abbreviation: 'BĐTW',
  place: 'Hà Nội',
  signerTitle: 'CỤC TRƯỞNG',
  recipients: ['Bộ trưởng (để báo cáo)'],
};

/** A provincial department's report goes to the People's Committee and the ministry (Thanh Hóa directive §1e). */
export const PROVINCIAL_ISSUER = {
  abbreviation: 'SKHCN',
  signerTitle: 'GIÁM ĐỐC',
  recipients: [
    'Ủy ban nhân dân tỉnh (để báo cáo)',
    'Bộ Khoa học và Công nghệ (Vụ Bưu chính)',
    'Công an tỉnh; Chi cục Quản lý thị trường; Hải quan',
  ],
};
