/** The head and foot of a report's printed page: who issues it and how it is signed (data of the agency, not of the report). */
export interface Letterhead {
  /** The governing body, upper case: "ỦY BAN NHÂN DÂN TỈNH THANH HÓA". */
  parent: string;
  /** The issuing agency, upper case: "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  issuer: string;
  /** The agency's abbreviation in document numbers: "SKHCN". */
  abbreviation: string;
  /** The place in the date line: "Thanh Hóa". */
  place: string;
  /** "GIÁM ĐỐC", "VỤ TRƯỞNG"… */
  signerTitle: string;
  signerName?: string;
  /** The document number, once the records office gives one; left blank to be filled in by hand. */
  number?: string;
  recipients: string[];
}
